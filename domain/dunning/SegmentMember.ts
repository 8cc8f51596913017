export const dunningGroups = ['group-1', 'group-2', 'group-3', 'winback'] as const;
export type DunningGroup = (typeof dunningGroups)[number];

/** Why an agreement (or, for winback, a person) is in a group: the rule and the dates it rests on. */
export interface GroupReason {
  group: DunningGroup;
  /** OF's id of the agreement. */
  agreementId: string;
  rule: string;
  dates: Record<string, string>;
}

/** One person in one group of one run, with every reason that put them there. */
export interface SegmentMember {
  /** `<group>:<personId>` */
  id: string;
  runId: string;
  group: DunningGroup;
  personId: string;
  reasons: GroupReason[];
  /** Winback: the day the person's last agreement was cancelled (segments are cut by it). */
  cancelledOn?: string;
}

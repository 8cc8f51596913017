/**
 * [CARE-Anon] What scheduled anonymisation does, kept as data so staff change it without a deploy.
 * Silence is counted from the person's last engagement (engagement.ts), or from when they were
 * first seen if they never engaged.
 */
export interface AnonymisationRules {
  id: typeof anonymisationRulesId;
  /** Off until MS has agreed the periods: the nightly job then finds nobody and anonymises nobody. */
  enabled: boolean;
  /** After this many years of silence the person is marked "do not contact" (no segment or send takes them). */
  doNotContactAfterYears: number;
  /** After this many years of silence (more than the above) the person becomes a candidate, anonymised one month later. */
  anonymiseAfterYears: number;
  /** Who is neither marked "do not contact" nor a candidate, whatever their silence. */
  exclusions: AnonymisationExclusion[];
  updatedAt: string;
  updatedBy?: string;
}

/**
 * Reasons to keep a silent person: an agreement still running (pending, active or paused); a
 * payment within the last `months`; a refund not yet posted (the books are not settled).
 */
export type AnonymisationExclusion = { kind: 'running-agreement' } | { kind: 'payment-within'; months: number } | { kind: 'pending-refund' };

export const anonymisationRulesId = 'anonymisation-rules';

export const defaultAnonymisationRules: Omit<AnonymisationRules, 'updatedAt'> = {
  id: anonymisationRulesId,
  enabled: false,
  doNotContactAfterYears: 3,
  anonymiseAfterYears: 5,
  exclusions: [{ kind: 'running-agreement' }, { kind: 'payment-within', months: 12 }, { kind: 'pending-refund' }],
};

export interface AnonymisationRuleStore {
  get(id: string): Promise<{ value: AnonymisationRules; etag: string } | null>;
  save(rules: AnonymisationRules, etag?: string): Promise<'saved' | 'stale'>;
}

/** The rules in force: staff's, or the defaults (switched off) until they save some. */
export async function currentAnonymisationRules(ports: { anonymisationRules: AnonymisationRuleStore }): Promise<AnonymisationRules> {
  return (await ports.anonymisationRules.get(anonymisationRulesId))?.value ?? { ...defaultAnonymisationRules, updatedAt: new Date(0).toISOString() };
}

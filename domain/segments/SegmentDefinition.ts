import type { ConsentChannel } from '../consent/ConsentEntry.js';
import type { Classification } from '../datasets/personRow.js';
import type { DunningGroup } from '../dunning/SegmentMember.js';

/**
 * [CampaignAutomation1][OnlineFundraising7] Who a segment holds, as data. Every criterion given
 * must hold (AND); a list inside a criterion is any of (OR). Sends use it now; dialer transfers and
 * automation flows are meant to use the same definitions.
 */
export interface SegmentCriteria {
  /** Signed any of these petitions (not withdrawn), optionally within dates (YYYY-MM-DD, Danish). */
  petitions?: { petitionId: string; signedFrom?: string; signedTo?: string }[];
  /** Interests: signed up with, or signed a petition under, any of these campaign codes. */
  campaignCodes?: string[];
  /** What the person is to MS now. */
  supporterKinds?: Classification[];
  /** Holds a consent now (the send's own channel is checked anyway, by the one filter). */
  consent?: { channel: ConsentChannel; topic?: string };
  /** The last donation received: within dates and amounts (øre); `none: true` for people who never gave. */
  lastDonation?: { from?: string; to?: string; minAmountOre?: number; maxAmountOre?: number } | { none: true };
  /** In any of these groups in the latest daily run. */
  dunningGroups?: DunningGroup[];
  postcodes?: string[];
  /** Municipalities by name (from the postcode table staff loaded). */
  municipalities?: string[];
  /**
   * [OnlineFundraising6][CampaignAutomation3][Dialer1] Telemarketing: people TM could not reach in a
   * call campaign (its calls ended unanswered, or the campaign ended with their lead still open), for
   * other channels; and people not handed to TM within the last N months.
   */
  telemarketing?: { notReachedIn?: string; notHandedOverWithinMonths?: number };
}

export interface SegmentDefinition {
  id: string;
  name: string;
  description?: string;
  criteria: SegmentCriteria;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

/** What the criteria are checked against for one person, read in bulk a page at a time. */
export interface SegmentFacts {
  signatures: { petitionId: string; signedAt: string; campaignCode?: string }[];
  /** The person's latest received donation (refunds left out). */
  lastDonation?: { paymentDate: string; amountOre: number };
  dunningGroups: DunningGroup[];
  consentGranted: (channel: ConsentChannel, topic?: string) => boolean;
  /** The person's leads handed to telemarketing, and whether each one's campaign is still active. */
  leads: { campaignId: string; handedOverAt: string; status: 'open' | 'closed'; outcome?: string; campaignActive: boolean }[];
  /** The business date (Danish) the segment is evaluated on. */
  today: string;
}

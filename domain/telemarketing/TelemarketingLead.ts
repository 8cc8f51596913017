/**
 * [Leadflow][Dialer3] One person handed to telemarketing for one call campaign: who, which campaign,
 * which vendor, when, how, and what became of it. Segments leave out people contacted by TM within a
 * campaign's window, so nobody is called again too soon.
 */
export interface TelemarketingLead {
  /** One per campaign and person (from both), so handing the same person over twice is one lead. */
  id: string;
  personId: string;
  campaignId: string;
  /** The TM vendor, e.g. "TMPO", or another vendor a manual extract went to. */
  vendor: string;
  /** How it went: the nightly file, a manual extract staff send themselves, or the dialer's API. */
  channel: 'sftp-file' | 'manual-extract' | 'dialer-api';
  /** Instant (UTC). */
  handedOverAt: string;
  status: 'open' | 'closed';
  outcome?: 'yes' | 'no' | 'max-attempts' | 'no-more-calls' | 'closed-for-higher-priority' | 'closed-by-staff' | 'anonymised';
  closedAt?: string;
}

/** [Leadflow] A call campaign: how it ranks against others, and how long after a hand-over a person may be handed over again. */
export interface CallCampaign {
  id: string;
  name: string;
  /** Higher goes first: a person open in a higher campaign is not handed to a lower one. */
  priority: number;
  /** Months after any hand-over to TM before the person may be handed over again (12 for new leads from petitions). */
  recontactAfterMonths: number;
  active: boolean;
}

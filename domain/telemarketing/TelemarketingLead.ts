/** How a lead reached telemarketing: the nightly file, a manual extract staff send themselves, or the dialer's API. */
export type LeadChannel = 'sftp-file' | 'manual-extract' | 'dialer-api';

/** What a lead came from: the signature that made the person a lead (provenance the caller can talk about). */
export interface LeadSource {
  petitionId: string;
  signatureId: string;
  /** When the person signed (UTC). */
  signedAt: string;
  campaignCode?: string;
}

export type LeadOutcome = 'yes' | 'no' | 'max-attempts' | 'no-more-calls' | 'closed-for-higher-priority' | 'closed-by-staff' | 'anonymised';

/**
 * [Leadflow][Dialer3] One person handed to telemarketing for one call campaign: who, which campaign,
 * which vendor, when, how, and what became of it. Segments leave out people contacted by TM within a
 * campaign's window, so nobody is called again too soon.
 */
export interface TelemarketingLead {
  /** From the hand-over (file) and the person, so preparing the same hand-over twice makes one lead. */
  id: string;
  personId: string;
  campaignId: string;
  /** The TM vendor, e.g. "TMPO", or another vendor a manual extract went to. */
  vendor: string;
  channel: LeadChannel;
  /** The lead file (nightly or manual extract) that carried it. */
  fileId?: string;
  source?: LeadSource;
  /** Instant (UTC). */
  handedOverAt: string;
  status: 'open' | 'closed';
  outcome?: LeadOutcome;
  closedAt?: string;
  /** [Dialer1] For a lead handed over through the dialer's API: its id there, and the OF agreement and campaign it is about. */
  dialer?: { dialerLeadId?: string; ofAgreementId?: string; ofCampaignId?: string };
  /** [Dialer5] The finished call: the campaign response on the person, with the fundraiser who made it. */
  response?: { result: 'yes' | 'no' | 'max-attempts'; fundraiserId: string; completedAt: string; ofAgreementId?: string; note?: string };
}

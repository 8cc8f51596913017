import type { Versioned } from '../person/ports.js';
import type { Signature } from '../signatures/Signature.js';
import type { CallCampaign } from './CallCampaign.js';
import type { LeadFile } from './LeadFile.js';
import type { MemberServiceTask } from './MemberServiceTask.js';
import type { TelemarketingLead } from './TelemarketingLead.js';

/** Port: the call campaigns staff set up. */
export interface CallCampaigns {
  get(id: string): Promise<Versioned<CallCampaign> | null>;
  save(campaign: CallCampaign, etag?: string): Promise<'saved' | 'stale'>;
  list(): Promise<CallCampaign[]>;
}

/** Port: [Leadflow] every lead handed to telemarketing. Leads are only created, never overwritten blindly. */
export interface TelemarketingLeads {
  createMany(leads: TelemarketingLead[]): Promise<{ created: number; existing: number }>;
  get(id: string): Promise<Versioned<TelemarketingLead> | null>;
  replace(lead: TelemarketingLead, etag: string): Promise<'replaced' | 'stale'>;
  /** Every lead of these persons, in any campaign. */
  ofPersons(personIds: string[]): Promise<TelemarketingLead[]>;
  ofFile(fileId: string): Promise<TelemarketingLead[]>;
  /** [OnlineFundraising6] The leads about an OF agreement, or whose call changed it in OF's Onboarding App. */
  ofAgreement(ofAgreementId: string): Promise<TelemarketingLead[]>;
}

/** Port: the lead files, nightly and manual. */
export interface LeadFiles {
  get(id: string): Promise<Versioned<LeadFile> | null>;
  save(file: LeadFile, etag?: string): Promise<'saved' | 'stale'>;
  /** Prepared, not yet delivered files of the campaign, oldest night first. */
  undelivered(campaignId: string): Promise<Versioned<LeadFile>[]>;
  /** The campaign's nightly file of the latest night before `forDate`, if any. */
  latestNightlyBefore(campaignId: string, forDate: string): Promise<LeadFile | null>;
  /** The newest files first, of one campaign or of all. */
  recent(limit: number, campaignId?: string): Promise<LeadFile[]>;
}

/** Port: where leads come from. */
export interface LeadSources {
  /** Signatures of these petitions, withdrawn ones left out, whose `field` instant is in [from, to). */
  signatures(petitionIds: string[], field: 'recordedAt' | 'signedAt', from: string, to: string): Promise<Signature[]>;
}

/** Port: how a lead file is written (the format the vendors read). */
export interface LeadFileFormat {
  /** e.g. "csv". */
  extension: string;
  mediaType: string;
  render(header: string[], rows: string[][]): Uint8Array;
}

/** Port: [Leadflow] the TM vendor's drop for files (SFTP). */
export interface LeadFileDrop {
  /**
   * Puts the file at the vendor under its name, never half: 'already-there' when a whole file of that
   * name is there (an earlier upload whose answer was lost). Throws when it could not.
   */
  deliver(name: string, content: Uint8Array): Promise<'delivered' | 'already-there'>;
}

/** Port: [Dialer4] member service's tasks. */
export interface MemberServiceTasks {
  create(task: MemberServiceTask): Promise<'created' | 'exists'>;
  get(id: string): Promise<Versioned<MemberServiceTask> | null>;
  /** Newest first; of one person, or the ones linked to nobody. */
  recent(limit: number, filter?: { personId?: string; unlinked?: boolean }): Promise<MemberServiceTask[]>;
}

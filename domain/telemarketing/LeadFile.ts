import type { LeadExclusionCounts } from './chooseLeads.js';
import type { LeadFileColumn } from './leadFields.js';
import type { LeadChannel } from './TelemarketingLead.js';

/**
 * [Leadflow][Dialer2] One file of leads for a call campaign: the nightly file delivered to the TM vendor
 * over SFTP, or a manual extract staff download and send to another vendor themselves. The file names
 * its leads and columns; its content is made from them when it is delivered or downloaded, so no copy
 * of the personal data lies about.
 */
export interface LeadFile {
  /** The nightly file: one per campaign and day (deterministic); a manual extract: its own. */
  id: string;
  campaignId: string;
  vendor: string;
  /** The nightly file, a manual extract, or a transfer through the dialer's API (then the "file" is the transfer's record). */
  channel: LeadChannel;
  /** The file's name at the vendor, e.g. "skov-leads_20261203.csv". */
  name: string;
  /** Nightly files: the business date of the night. */
  forDate?: string;
  /** The signatures it carries: recorded in [from, to) for nightly files; signed on these business dates for extracts. */
  signatures: { from: string; to: string };
  leadIds: string[];
  columns: LeadFileColumn[];
  excluded: LeadExclusionCounts;
  /**
   * Prepared: leads chosen, not yet at the vendor. Delivered: at the vendor (nightly), or handed to
   * staff (extract). Empty: a night without new leads, kept so the next night starts where it ended;
   * nothing is uploaded for it.
   */
  status: 'prepared' | 'delivered' | 'empty';
  preparedAt: string;
  deliveredAt?: string;
  /** Delivery attempts, and the last one's error while it is not delivered. */
  attempts: number;
  lastError?: string;
  requestedBy?: string;
}

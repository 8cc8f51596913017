import type { Campaign } from '../bookkeeping/Campaign.js';
import type { LedgerPayment } from '../bookkeeping/LedgerPayment.js';
import type { ConsentEntry } from '../consent/ConsentEntry.js';
import type { AgreementPaymentState } from '../dunning/AgreementPaymentState.js';
import type { Person } from '../person/Person.js';
import type { OutboundMessage } from '../sending/OutboundMessage.js';
import type { SendStatistics } from '../delivery/SendStatistics.js';
import type { Signature } from '../signatures/Signature.js';

/**
 * Port: what the datasets are made from, read page by page in the order of each dataset's
 * partition date, so an export holds one month at a time, never everything.
 */
export interface ExportSources {
  /** Ledger payments by payment date, all or within [from, to]. */
  payments(range?: { from: string; to: string }): AsyncIterable<LedgerPayment[]>;
  /** Payment dates of the payments recorded or changed after `since` (an instant). */
  paymentDatesChangedSince(since: string): Promise<string[]>;
  /** Active persons (merged-away ones left out) by the instant they were first stored. */
  persons(): AsyncIterable<Person[]>;
  /** Agreement states by start date (those without one left out). */
  agreements(): AsyncIterable<AgreementPaymentState[]>;
  /** Signatures by signing instant. */
  signatures(): AsyncIterable<Signature[]>;
  /** Consent log lines by instant. */
  consentEntries(): AsyncIterable<ConsentEntry[]>;
  campaigns(): Promise<Campaign[]>;
  /** Delivery outcomes per send, by the instant last reported, all or those reported in one month (YYYY-MM, Danish time). */
  sends(month?: string): AsyncIterable<SendStatistics[]>;
  /** Days (Danish) of the sends reported after `since` (an instant). */
  sendDaysChangedSince(since: string): Promise<string[]>;
  /** Messages with events in one month (YYYY-MM, Danish time). */
  messages(month: string): AsyncIterable<OutboundMessage[]>;
  /** Months (YYYY-MM) holding message events of messages changed after `since` (an instant), or all when left out. */
  messageMonthsChangedSince(since?: string): Promise<string[]>;
  /** Postcode → municipality, as staff loaded it (empty until they do). */
  municipalities(): Promise<Map<string, string>>;
}

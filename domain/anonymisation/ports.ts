import type { EngagementFacts } from './engagement.js';

/** Port: OF's anonymisation of a contact ([OnlineFundraising5]). */
export interface OnlineFundraisingAnonymisation {
  /** Has OF empty the contact's personal fields; asking again is harmless. Throws NotFoundError when OF does not know the contact. */
  anonymiseContact(ofContactId: string): Promise<void>;
}

/** Port: the CRM's anonymisation of a person's contact ([GDPR1]). */
export interface CrmAnonymisation {
  /**
   * Empties the contact's personal columns (the standard ones and `extraColumns`, e.g. those the
   * field mapping filled) and marks it anonymised. Repeating it is harmless; a person the CRM never
   * got is done.
   */
  anonymiseContact(personId: string, extraColumns: readonly string[]): Promise<void>;
}

/**
 * Port: the engine's records of a person outside the person record itself, as anonymising needs
 * them. Each method reads one partition or one indexed query, so the work per person does not grow
 * with the database. Each answers how many records it erased, and repeating it erases nothing more.
 */
export interface PersonalRecords {
  /** Every consent entry of the person (their partition of the log). */
  eraseConsentLog(personId: string): Promise<number>;
  /** The fields of the form submissions (data sets) linked to the person; each record stays, emptied, so a replayed submission is known as theirs. */
  eraseFormSubmissions(personId: string): Promise<number>;
  eraseMarketingListMemberships(personId: string): Promise<number>;
  /** The person's places in the dunning groups of past runs. */
  eraseSegmentMemberships(personId: string): Promise<number>;
  /** Duplicate reviews the person is the incoming one of, or one of the matches (they hold names and contact details). */
  eraseDuplicateReviews(personId: string): Promise<number>;
  eraseAutomationTriggers(personId: string): Promise<number>;
  /** [Dialer4] Member-service tasks about the person (they hold free text and contact details). */
  eraseMemberServiceTasks(personId: string): Promise<number>;
  /** Payments removed from the ledger (before the retention window). */
  erasePayments(paymentIds: readonly string[]): Promise<number>;
}

/** One person's acts from one record of a store, as the bulk reader hands them over. */
export interface EngagementRow {
  personId: string;
  facts: Partial<EngagementFacts>;
}

/** Port: [CARE-Anon] every store's acts (payments, signatures, form submissions, consent changes, inbound SMS), a page at a time. */
export interface EngagementSources {
  rows(): AsyncIterable<EngagementRow[]>;
}

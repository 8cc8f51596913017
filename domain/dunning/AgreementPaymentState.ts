import type { AgreementKind, Frequency } from '../mirror/OnlineFundraisingRecords.js';

/** What became of one payment, as far as the groups care: money kept, on its way, or nothing. */
export type CollectionOutcome = 'paid' | 'pending' | 'unpaid';

/**
 * [CampaignAutomation6] One agreement with what the daily groups need to know about it, kept up to
 * date as OF's notifications arrive (O(1) per change), so the daily run reads agreements and never
 * payment history. Dates are business dates (YYYY-MM-DD, Europe/Copenhagen).
 */
export interface AgreementPaymentState {
  /** The agreement's mirror id. */
  id: string;
  agreementOfId: string;
  personId?: string;
  kind?: AgreementKind;
  status?: 'pending' | 'active' | 'paused' | 'cancelled';
  startDate?: string;
  campaignCode?: string;
  restricted?: boolean;
  /** From the agreement's subscription; none for a one-off gift. */
  frequency?: Frequency;
  subscriptionStatus?: 'active' | 'paused' | 'cancelled';
  /** The day the agreement (or its subscription) was seen cancelled, or its end date. */
  cancelledOn?: string;
  /** Who cancelled: the person, their bank, or MS (staff through OF or the engine's admin API). */
  cancelledBy?: 'person' | 'bank' | 'ms';
  /** Set when staff cancelled through the engine: never in GROUP 3, whatever OF says later. */
  cancelledViaMs?: { on: string; by: string; reason: string };
  /** The bank stopped the agreement's collections: a payment method "Mandate cancelled by bank", or the subscription cancelled by the bank. */
  bankMandateCancelled?: { on: string; reason: string };
  /** Periods the subscription was paused: no collection is expected in them. */
  pauses: { from: string; until?: string }[];
  /** Periods the agreement itself was paused: no collection is expected in them either. */
  agreementPauses?: { from: string; until?: string }[];
  /** Each payment of the agreement by OF id: its due date, what became of it, and its collection (once start and frequency are known). */
  payments: Record<string, { dueDate: string; outcome: CollectionOutcome; collection?: number }>;
  /**
   * The best outcome per expected collection (by its number from the start: 0, 1, …), worked out
   * whenever a payment, the start or the frequency changes, so the daily run does no date work per
   * payment. Paid beats pending beats unpaid.
   */
  collections: Record<string, CollectionOutcome>;
  /**
   * The latest paid collection among those dropped as history (only the latest 24 collections are
   * kept, so the state, and the work per payment, stay the same size however long the agreement runs).
   */
  paidBefore?: number;
  updatedAt: string;
}

export function emptyAgreementState(id: string, agreementOfId: string, now: string): AgreementPaymentState {
  return { id, agreementOfId, pauses: [], payments: {}, collections: {}, updatedAt: now };
}

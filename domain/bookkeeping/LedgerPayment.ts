import type { AgreementKind, PaymentChannel } from '../mirror/OnlineFundraisingRecords.js';
import type { PostingDimensions } from './PostingLine.js';

/**
 * Where a payment in the ledger came from. OF's payments arrive by webhook; refunds are made by the
 * engine (from an OF refund, or by staff); the rest is imported from files ([BetalingUdenomOF],
 * [Rapportering3]).
 */
export const ledgerSources = ['onlinefundraising', 'refund', 'invoice', 'bank_transfer', 'mobilepay_business'] as const;
export type LedgerSource = (typeof ledgerSources)[number];

/** The sources staff import from files. */
export const importSources = ['invoice', 'bank_transfer', 'mobilepay_business'] as const;
export type ImportSource = (typeof importSources)[number];

/** The payment channel, which decides the contra account: OF's channels plus giro and bank transfer. */
export const ledgerChannels = ['betalingsservice', 'mobilepay', 'card', 'sms', 'invoice', 'consumer_society', 'giro', 'bank_transfer'] as const;
export type LedgerChannel = PaymentChannel | 'giro' | 'bank_transfer';

/**
 * Whether the posting runs post the payment. `already_posted`: booked elsewhere (e.g. an invoice
 * billed in the ERP); `posted`: claimed by a posting run, on the line named, with the dimensions it
 * was posted with; `void`: money that never
 * arrived after all (OF turned a confirmed payment into a failure before it was posted).
 */
export type PostingState =
  | { state: 'to_post' }
  | { state: 'already_posted'; reason: string }
  | ({ state: 'posted'; runId: string; lineId: string } & PostingDimensions)
  | { state: 'void'; reason: string };

/** Who refunded and why, when staff did it outside OF. */
export interface RefundDetails {
  reason: string;
  by: string;
  /** Where the refund came from: OF flipping the payment, or staff through the admin API. */
  via: 'onlinefundraising' | 'staff';
}

/**
 * [OnlineFundraising4][Bogføring] A payment as the books see it: money received (positive) or paid
 * back (negative, linked to the original). Amounts are integer øre; dates are business dates
 * (YYYY-MM-DD, Europe/Copenhagen).
 */
export interface LedgerPayment {
  id: string;
  source: LedgerSource;
  /** The source's own id: OF's payment id, the file's transaction reference, or the refunded payment's id. */
  sourceReference: string;
  personId?: string;
  agreementKind?: AgreementKind;
  /** OF's id of the agreement the payment was made under, if any. */
  agreementId?: string;
  amountOre: number;
  paymentDate: string;
  channel: LedgerChannel;
  campaignCode?: string;
  purpose?: string;
  /** On a refund: the payment it pays back. */
  refundOf?: string;
  refund?: RefundDetails;
  /** On a refunded payment: the negative payment that pays it back. */
  refundedBy?: string;
  posting: PostingState;
  recordedAt: string;
  updatedAt: string;
}

/** A deductible gift for the annual tax report: anything but a membership fee. */
export function isDeductible(payment: LedgerPayment): boolean {
  return payment.agreementKind !== 'membership';
}

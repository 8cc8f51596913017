import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import { ConcurrencyConflictError, NotFoundError } from '../shared/errors.js';
import { AlreadyRefundedError, NotRefundableError, RefundTooLargeError } from './errors.js';
import type { LedgerPayment, RefundDetails } from './LedgerPayment.js';
import type { PaymentLedger } from './ports.js';

export interface RefundRequest {
  paymentId: string;
  /** Business date of the refund. */
  date: string;
  details: RefundDetails;
  /** Positive øre to pay back; the whole payment when absent. */
  amountOre?: number;
}

export interface RefundPorts {
  ledger: PaymentLedger;
  ids: Ids;
  clock: Clock;
}

/** A payment has at most one refund, under an id made from the payment's: however often asked, one. */
export function refundIdFor(ids: Ids, paymentId: string): string {
  return ids.fromKey(`refund-of:${paymentId}`);
}

/**
 * [OnlineFundraising4][Refundering] Pays a payment back: a new payment with the negative amount,
 * linked to the original, in the same campaign, purpose and channel, and the original marked as
 * refunded. Exactly once: OF telling again returns the refund made; staff asking again are told it
 * is refunded already. A refund of money booked outside the runs (an invoice) is booked there too.
 */
export async function refundPayment(request: RefundRequest, ports: RefundPorts): Promise<{ refund: LedgerPayment; outcome: 'created' | 'exists' }> {
  const stored = await ports.ledger.get(request.paymentId);
  if (!stored) throw new NotFoundError(`no payment ${request.paymentId}`);
  const original = stored.value;
  assertRefundable(original, request);
  const refund = refundOf(original, request, ports);
  const outcome = await ports.ledger.create(refund);
  if (outcome === 'exists' && request.details.via === 'staff') throw new AlreadyRefundedError(`payment ${original.id} is refunded already (refund ${refund.id})`);
  await markRefunded(original.id, refund.id, ports);
  const saved = outcome === 'created' ? refund : ((await ports.ledger.get(refund.id))?.value ?? refund);
  return { refund: saved, outcome };
}

function assertRefundable(original: LedgerPayment, request: RefundRequest): void {
  if (original.refundOf || original.amountOre <= 0 || original.posting.state === 'void') {
    throw new NotRefundableError(`payment ${original.id} is not money received, so it cannot be refunded`);
  }
  if (original.refundedBy && request.details.via === 'staff') throw new AlreadyRefundedError(`payment ${original.id} is refunded already (refund ${original.refundedBy})`);
  if (request.amountOre !== undefined && request.amountOre > original.amountOre) {
    throw new RefundTooLargeError(`the refund (${request.amountOre} øre) is larger than payment ${original.id} (${original.amountOre} øre)`);
  }
}

function refundOf(original: LedgerPayment, request: RefundRequest, ports: RefundPorts): LedgerPayment {
  const now = ports.clock.now().toISOString();
  const { personId, agreementKind, agreementId, channel, campaignCode, purpose } = original;
  return {
    id: refundIdFor(ports.ids, original.id),
    source: 'refund',
    sourceReference: original.id,
    ...(personId && { personId }),
    ...(agreementKind && { agreementKind }),
    ...(agreementId && { agreementId }),
    amountOre: -(request.amountOre ?? original.amountOre),
    paymentDate: request.date,
    channel,
    ...(campaignCode && { campaignCode }),
    ...(purpose && { purpose }),
    refundOf: original.id,
    refund: request.details,
    posting: original.posting.state === 'already_posted' ? { state: 'already_posted', reason: `refund of a payment booked outside the posting runs (${original.posting.reason})` } : { state: 'to_post' },
    recordedAt: now,
    updatedAt: now,
  };
}

async function markRefunded(paymentId: string, refundId: string, ports: RefundPorts): Promise<void> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.ledger.get(paymentId);
    if (!stored) throw new NotFoundError(`no payment ${paymentId}`);
    if (stored.value.refundedBy === refundId) return;
    const marked = { ...stored.value, refundedBy: refundId, updatedAt: ports.clock.now().toISOString() };
    if ((await ports.ledger.replace(marked, stored.etag)) === 'replaced') return;
  }
  throw new ConcurrencyConflictError(`payment ${paymentId} changed concurrently 5 times in a row`);
}

import type { MirrorRecord } from '../mirror/MirrorRecord.js';
import type { AgreementKind, OfAgreement, OfPayment } from '../mirror/OnlineFundraisingRecords.js';
import { mirrorIdFor } from '../mirror/mirrorIds.js';
import type { MirrorRepository } from '../mirror/ports.js';
import type { Logger } from '../shared/Logger.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import { currentBookkeepingChart } from './currentBookkeepingChart.js';
import type { LedgerPayment, PostingState } from './LedgerPayment.js';
import type { BookkeepingChartStore } from './ports.js';
import { type RefundPorts, refundPayment } from './refundPayment.js';

export interface RecordPaymentPorts extends RefundPorts {
  chart: BookkeepingChartStore;
  mirror: Pick<MirrorRepository, 'get'>;
  logger: Logger;
}

export type LedgerOutcome = 'not-money-yet' | 'recorded' | 'refunded' | 'voided' | 'reversed' | 'unchanged';

/** The ledger id of an OF payment: the same OF payment always gets the same id. */
export function ledgerIdForOnlineFundraisingPayment(ids: RefundPorts['ids'], ofPaymentId: string): string {
  return ids.fromKey(`ledger:onlinefundraising:${ofPaymentId}`);
}

/**
 * [OnlineFundraising2][OnlineFundraising4][Refundering] Brings the ledger in line with an OF payment
 * as the mirror now holds it. Confirmed: money received, recorded once. Refunded: recorded (in
 * case the confirmation was never seen) and paid back by one negative payment. Rejected or failed
 * after all: a payment not posted yet is voided; a posted one is reversed by a negative payment.
 * Pending: nothing yet. Whatever the order or repetition of notifications, the outcome is the same.
 */
export async function recordOnlineFundraisingPayment(record: MirrorRecord, ports: RecordPaymentPorts): Promise<LedgerOutcome> {
  if (record.entity !== 'payment') return 'unchanged';
  const payment = record.record as OfPayment;
  const id = ledgerIdForOnlineFundraisingPayment(ports.ids, payment.id);
  if (payment.status === 'pending') return 'not-money-yet';
  if (payment.status === 'rejected' || payment.status === 'failed') return voidOrReverse(id, payment, ports);
  const changed = await saveReceived(await receivedPayment(id, record, payment, ports), ports);
  if (payment.status !== 'refunded') return changed ? 'recorded' : 'unchanged';
  const details = { via: 'onlinefundraising' as const, by: 'OnlineFundraising', reason: payment.statusReason ?? 'refunded in OnlineFundraising' };
  const { outcome } = await refundPayment({ paymentId: id, date: copenhagenDateOf(new Date(payment.updatedAt)), details }, ports);
  return outcome === 'created' ? 'refunded' : changed ? 'recorded' : 'unchanged';
}

async function receivedPayment(id: string, record: MirrorRecord, payment: OfPayment, ports: RecordPaymentPorts): Promise<LedgerPayment> {
  const now = ports.clock.now().toISOString();
  const paymentDate = payment.paidDate ?? payment.dueDate ?? copenhagenDateOf(new Date(payment.updatedAt));
  const { chart } = await currentBookkeepingChart(ports);
  const posting: PostingState = paymentDate < chart.ledgerOpensOn ? { state: 'already_posted', reason: `paid before the ledger opened on ${chart.ledgerOpensOn}` } : { state: 'to_post' };
  const agreementKind = payment.agreementId ? await agreementKindOf(payment.agreementId, ports) : undefined;
  return {
    id,
    source: 'onlinefundraising',
    sourceReference: payment.id,
    ...(record.personId && { personId: record.personId }),
    ...(agreementKind && { agreementKind }),
    ...(payment.agreementId && { agreementId: payment.agreementId }),
    amountOre: payment.amountOre,
    paymentDate,
    channel: payment.channel,
    ...(payment.campaignCode && { campaignCode: payment.campaignCode }),
    ...(payment.purpose && { purpose: payment.purpose }),
    posting,
    recordedAt: now,
    updatedAt: now,
  };
}

async function agreementKindOf(ofAgreementId: string, ports: RecordPaymentPorts): Promise<AgreementKind | undefined> {
  const agreement = await ports.mirror.get(mirrorIdFor(ports.ids, 'agreement', ofAgreementId));
  return agreement ? (agreement.value.record as OfAgreement).kind : undefined;
}

/** Creates the payment, or updates what OF corrected while it is not posted; true if anything changed. */
async function saveReceived(received: LedgerPayment, ports: RecordPaymentPorts): Promise<boolean> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.ledger.get(received.id);
    if (!stored) {
      if ((await ports.ledger.create(received)) === 'created') return true;
      continue;
    }
    const existing = stored.value;
    if (existing.posting.state !== 'to_post') {
      if (existing.amountOre !== received.amountOre) ports.logger.warn('OF changed the amount of a payment already posted; a refund corrects it', { paymentId: existing.id });
      return false;
    }
    const updated: LedgerPayment = { ...received, posting: existing.posting, recordedAt: existing.recordedAt, ...(existing.refundedBy && { refundedBy: existing.refundedBy }) };
    if (sameBooking(existing, updated)) return false;
    if ((await ports.ledger.replace(updated, stored.etag)) === 'replaced') return true;
  }
  throw new ConcurrencyConflictError(`ledger payment ${received.id} changed concurrently 5 times in a row`);
}

function sameBooking(a: LedgerPayment, b: LedgerPayment): boolean {
  return JSON.stringify({ ...a, updatedAt: '' }) === JSON.stringify({ ...b, updatedAt: '' });
}

async function voidOrReverse(id: string, payment: OfPayment, ports: RecordPaymentPorts): Promise<LedgerOutcome> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.ledger.get(id);
    if (!stored || stored.value.posting.state === 'void') return 'unchanged';
    const reason = `OnlineFundraising says ${payment.status}${payment.statusReason ? `: ${payment.statusReason}` : ''}`;
    if (stored.value.posting.state !== 'to_post') {
      if (stored.value.refundedBy) return 'unchanged';
      const details = { via: 'onlinefundraising' as const, by: 'OnlineFundraising', reason };
      await refundPayment({ paymentId: id, date: copenhagenDateOf(new Date(payment.updatedAt)), details }, ports);
      return 'reversed';
    }
    const voided: LedgerPayment = { ...stored.value, posting: { state: 'void', reason }, updatedAt: ports.clock.now().toISOString() };
    if ((await ports.ledger.replace(voided, stored.etag)) === 'replaced') return 'voided';
  }
  throw new ConcurrencyConflictError(`ledger payment ${id} changed concurrently 5 times in a row`);
}

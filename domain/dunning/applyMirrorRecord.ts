import type { MirrorRecord } from '../mirror/MirrorRecord.js';
import type { OfAgreement, OfPayment, OfPaymentMethod, OfSubscription } from '../mirror/OnlineFundraisingRecords.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import type { AgreementPaymentState, CollectionOutcome } from './AgreementPaymentState.js';
import { withAllCollections, withPayment } from './collectionOutcomes.js';

const bankCancellation = /mandate cancelled by bank/i;

/**
 * [CampaignAutomation6] The agreement's state after one OF record changed: its agreement,
 * subscription, a payment method or a payment. Pure and idempotent: applying the same record twice
 * gives the same state.
 */
export function applyMirrorRecord(state: AgreementPaymentState, record: MirrorRecord): AgreementPaymentState {
  const day = copenhagenDateOf(new Date(record.ofUpdatedAt));
  switch (record.entity) {
    case 'agreement':
      return withCollectionsIfMoved(state, applyAgreement(state, record.record as OfAgreement, record.personId, day));
    case 'subscription':
      return withCollectionsIfMoved(state, applySubscription(state, record.record as OfSubscription, day));
    case 'payment_method':
      return applyPaymentMethod(state, record.record as OfPaymentMethod, day);
    case 'payment':
      return applyPayment(state, record.record as OfPayment, day);
    default:
      return state;
  }
}

function applyAgreement(state: AgreementPaymentState, agreement: OfAgreement, personId: string | undefined, day: string): AgreementPaymentState {
  // The agreement's end date is OF's word on when it ended; the day it was seen cancelled stands in.
  const cancelledOn =
    agreement.status === 'cancelled' ? (agreement.endDate ?? state.cancelledOn ?? day) : state.subscriptionStatus === 'cancelled' ? state.cancelledOn : undefined;
  const { cancelledOn: _previous, ...rest } = state;
  const pauses = state.agreementPauses ?? [];
  const agreementPauses = agreement.status === 'paused' ? startPause(pauses, day, undefined) : endPause(pauses, day);
  return {
    ...rest,
    ...(agreementPauses.length > 0 && { agreementPauses }),
    ...(personId && { personId }),
    kind: agreement.kind,
    status: agreement.status,
    ...(agreement.startDate && { startDate: agreement.startDate }),
    ...(agreement.campaignCode && { campaignCode: agreement.campaignCode }),
    restricted: agreement.restricted,
    ...(cancelledOn && { cancelledOn }),
  };
}

function applySubscription(state: AgreementPaymentState, subscription: OfSubscription, day: string): AgreementPaymentState {
  const pauses = subscription.status === 'paused' ? startPause(state.pauses, day, subscription.pausedUntil) : endPause(state.pauses, day);
  const cancellation = subscription.status === 'cancelled' && subscription.cancellation;
  return {
    ...state,
    frequency: subscription.frequency,
    subscriptionStatus: subscription.status,
    pauses,
    ...(cancellation && { cancelledBy: cancellation.by === 'ms' ? 'ms' : cancellation.by, cancelledOn: state.cancelledOn ?? day }),
    // A subscription the bank cancelled stops the collections as a mandate the bank cancelled does (GROUP 3).
    ...(cancellation && cancellation.by === 'bank' && !state.bankMandateCancelled && { bankMandateCancelled: { on: day, reason: `subscription cancelled by the bank: ${cancellation.reason}` } }),
  };
}

function startPause(pauses: AgreementPaymentState['pauses'], day: string, until: string | undefined): AgreementPaymentState['pauses'] {
  const open = pauses.at(-1);
  if (open && (!open.until || open.until >= day)) return [...pauses.slice(0, -1), { from: open.from, ...(until && { until }) }];
  return [...pauses, { from: day, ...(until && { until }) }];
}

/** A pause that was open (or ran past today) ends the day the subscription (or agreement) was seen active again. */
function endPause(pauses: AgreementPaymentState['pauses'], day: string): AgreementPaymentState['pauses'] {
  const open = pauses.at(-1);
  if (!open || (open.until && open.until < day)) return pauses;
  return [...pauses.slice(0, -1), { from: open.from, until: day }];
}

function applyPaymentMethod(state: AgreementPaymentState, method: OfPaymentMethod, day: string): AgreementPaymentState {
  if (method.status !== 'cancelled' || !bankCancellation.test(method.statusReason ?? '') || state.bankMandateCancelled) return state;
  return { ...state, bankMandateCancelled: { on: day, reason: method.statusReason! } };
}

function applyPayment(state: AgreementPaymentState, payment: OfPayment, day: string): AgreementPaymentState {
  const outcome: CollectionOutcome = payment.status === 'confirmed' ? 'paid' : payment.status === 'pending' ? 'pending' : 'unpaid';
  const known = state.payments[payment.id];
  const dueDate = payment.dueDate ?? payment.paidDate ?? known?.dueDate ?? day;
  if (known && known.dueDate === dueDate && known.outcome === outcome) return state;
  return withPayment(state, payment.id, dueDate, outcome);
}

/** A new start or frequency moves every payment to another collection. */
function withCollectionsIfMoved(before: AgreementPaymentState, after: AgreementPaymentState): AgreementPaymentState {
  return before.startDate === after.startDate && before.frequency === after.frequency ? after : withAllCollections(after);
}

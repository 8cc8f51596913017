import type {
  AgreementKind,
  CancelledBy,
  OfAddOn,
  OfAgreement,
  OfDataSet,
  OfPayment,
  OfPaymentMethod,
  OfSubscription,
} from '../../domain/mirror/OnlineFundraisingRecords.js';
import type { AddOnWire, AgreementWire, DataSetWire, PaymentMethodWire, PaymentWire, SubscriptionWire } from './recordWireSchemas.js';
import { text, utcInstant, withoutUndefined } from './wireValues.js';

/**
 * Translates OF's entities into the domain's words. Null, empty and blank text become absent
 * properties (never present-but-undefined); instants become UTC; business dates pass as they are.
 */

const agreementKinds: Record<AgreementWire['type'], AgreementKind> = {
  membership: 'membership',
  recurring_donation: 'regular_support',
  one_off_donation: 'one_off',
};

const cancelledBy: Record<NonNullable<SubscriptionWire['cancelled_by']>, CancelledBy> = {
  contact: 'person',
  bank: 'bank',
  organisation: 'ms',
};

/** When OF says a subscription is cancelled without a reason or without saying by whom. */
export const unspecifiedCancellationReason = 'unspecified';
export const defaultCancelledBy: CancelledBy = 'ms';

export function agreementFromWire(wire: AgreementWire): OfAgreement {
  return withoutUndefined({
    id: wire.id,
    updatedAt: utcInstant(wire.updated_at),
    contactId: wire.contact_id,
    kind: agreementKinds[wire.type],
    status: wire.status,
    campaignCode: text(wire.contribution_code),
    purpose: text(wire.purpose),
    restricted: wire.restricted,
    startDate: text(wire.start_date),
    endDate: text(wire.end_date),
    cancellationReason: text(wire.cancellation_reason),
  });
}

/**
 * A cancellation is there when the subscription is cancelled or OF says who cancelled it; its
 * reason defaults to 'unspecified' and its author to MS ('ms'). A reason on a subscription that is
 * not cancelled and names no one (e.g. left over after a reactivation) is not a cancellation.
 */
export function subscriptionFromWire(wire: SubscriptionWire): OfSubscription {
  const cancelled = wire.status === 'cancelled' || wire.cancelled_by !== null;
  return withoutUndefined({
    id: wire.id,
    updatedAt: utcInstant(wire.updated_at),
    agreementId: wire.agreement_id,
    amountOre: wire.amount,
    frequency: wire.interval,
    status: wire.status,
    cancellation: cancelled
      ? {
          reason: text(wire.cancellation_reason) ?? unspecifiedCancellationReason,
          by: wire.cancelled_by === null ? defaultCancelledBy : cancelledBy[wire.cancelled_by],
        }
      : undefined,
    nextChargeDate: text(wire.next_charge_date),
    pausedUntil: text(wire.paused_until),
  });
}

export function paymentMethodFromWire(wire: PaymentMethodWire): OfPaymentMethod {
  return withoutUndefined({
    id: wire.id,
    updatedAt: utcInstant(wire.updated_at),
    contactId: wire.contact_id,
    agreementId: text(wire.agreement_id),
    type: wire.type,
    status: wire.status,
    statusReason: text(wire.status_reason),
    maskedReference: text(wire.masked_reference),
  });
}

export function paymentFromWire(wire: PaymentWire): OfPayment {
  return withoutUndefined({
    id: wire.id,
    updatedAt: utcInstant(wire.updated_at),
    contactId: wire.contact_id,
    agreementId: text(wire.agreement_id),
    subscriptionId: text(wire.subscription_id),
    paymentMethodId: text(wire.payment_method_id),
    amountOre: wire.amount,
    status: wire.status,
    statusReason: text(wire.status_reason),
    dueDate: text(wire.due_date),
    paidDate: text(wire.paid_date),
    channel: wire.channel,
    campaignCode: text(wire.contribution_code),
    purpose: text(wire.purpose),
  });
}

export function addOnFromWire(wire: AddOnWire): OfAddOn {
  return withoutUndefined({
    id: wire.id,
    updatedAt: utcInstant(wire.updated_at),
    agreementId: wire.agreement_id,
    subscriptionId: text(wire.subscription_id),
    name: wire.name.trim(),
    amountOre: wire.amount,
    status: wire.status,
  });
}

export function dataSetFromWire(wire: DataSetWire): OfDataSet {
  return withoutUndefined({
    id: wire.id,
    updatedAt: utcInstant(wire.updated_at),
    contactId: text(wire.contact_id),
    kind: wire.type,
    phone: text(wire.phone),
    receivedAt: utcInstant(wire.received_at),
    keyword: text(wire.keyword),
    text: text(wire.text),
    formId: text(wire.form_id),
    fields: { ...wire.fields },
    campaignCode: text(wire.contribution_code),
  });
}

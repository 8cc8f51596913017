import { z } from 'zod';

/**
 * OF's entities other than the contact, as its API returns them (`GET /<resource>/<id>`); our
 * assumption of OF's wire format, see local/simulators/onlinefundraising/README.md. Absent values
 * are sent as null, so every field must be there; extra fields are ignored so OF can add some.
 * Strict on ids, amounts (integer øre, DKK only), dates and the enumerations the domain branches on.
 */

const id = z.string().min(1);
const optionalId = z.string().nullable();
const optionalText = z.string().nullable();
/** Instant, any offset; the mapping turns it into UTC. */
const instant = z.iso.datetime({ offset: true });
/** Business date YYYY-MM-DD (Europe/Copenhagen). */
const businessDate = z.iso.date().nullable();
const ore = z.number().int();
const currency = z.literal('DKK');

export const paymentChannelWireSchema = z.enum(['betalingsservice', 'mobilepay', 'card', 'sms', 'invoice', 'consumer_society']);

export const agreementWireSchema = z.object({
  id,
  updated_at: instant,
  contact_id: id,
  type: z.enum(['membership', 'recurring_donation', 'one_off_donation']),
  status: z.enum(['pending', 'active', 'paused', 'cancelled']),
  contribution_code: optionalText,
  purpose: optionalText,
  restricted: z.boolean(),
  start_date: businessDate,
  end_date: businessDate,
  cancellation_reason: optionalText,
});

export const subscriptionWireSchema = z.object({
  id,
  updated_at: instant,
  agreement_id: id,
  amount: ore,
  currency,
  interval: z.enum(['monthly', 'quarterly', 'half_yearly', 'yearly']),
  status: z.enum(['active', 'paused', 'cancelled']),
  next_charge_date: businessDate,
  paused_until: businessDate,
  cancellation_reason: optionalText,
  cancelled_by: z.enum(['contact', 'bank', 'organisation']).nullable(),
});

export const paymentMethodWireSchema = z.object({
  id,
  updated_at: instant,
  contact_id: id,
  agreement_id: optionalId,
  type: paymentChannelWireSchema,
  status: z.enum(['pending', 'active', 'rejected', 'cancelled']),
  status_reason: optionalText,
  masked_reference: optionalText,
});

export const paymentWireSchema = z.object({
  id,
  updated_at: instant,
  contact_id: id,
  agreement_id: optionalId,
  subscription_id: optionalId,
  payment_method_id: optionalId,
  amount: ore,
  currency,
  status: z.enum(['pending', 'confirmed', 'rejected', 'failed', 'refunded']),
  status_reason: optionalText,
  channel: paymentChannelWireSchema,
  due_date: businessDate,
  paid_date: businessDate,
  contribution_code: optionalText,
  purpose: optionalText,
});

export const addOnWireSchema = z.object({
  id,
  updated_at: instant,
  agreement_id: id,
  subscription_id: optionalId,
  name: z.string(),
  amount: ore,
  status: z.enum(['active', 'cancelled']),
});

export const dataSetWireSchema = z.object({
  id,
  updated_at: instant,
  type: z.enum(['sms_inbound', 'form']),
  contact_id: optionalId,
  phone: optionalText,
  received_at: instant,
  keyword: optionalText,
  text: optionalText,
  form_id: optionalText,
  fields: z.record(z.string(), z.string()),
  contribution_code: optionalText,
});

export type AgreementWire = z.infer<typeof agreementWireSchema>;
export type SubscriptionWire = z.infer<typeof subscriptionWireSchema>;
export type PaymentMethodWire = z.infer<typeof paymentMethodWireSchema>;
export type PaymentWire = z.infer<typeof paymentWireSchema>;
export type AddOnWire = z.infer<typeof addOnWireSchema>;
export type DataSetWire = z.infer<typeof dataSetWireSchema>;

/**
 * OF's core entities other than the contact, in the domain's words. The OF adapter translates OF's
 * wire format into these. Amounts are integer øre; `…Date` fields are business dates
 * (YYYY-MM-DD, Europe/Copenhagen); `…At` fields are instants (UTC, ISO 8601).
 */

/** Membership (290 DKK/year, not deductible), regular support (fast støtte) or a one-off gift. */
export type AgreementKind = 'membership' | 'regular_support' | 'one_off';

export interface OfAgreement {
  id: string;
  updatedAt: string;
  contactId: string;
  kind: AgreementKind;
  status: 'pending' | 'active' | 'paused' | 'cancelled';
  /** Contribution/campaign code (kampagnekode) of the form or landing page. */
  campaignCode?: string;
  /** What the money is for (formål), e.g. a project; restricted gifts must keep theirs. */
  purpose?: string;
  /** Øremærket: the gift may only be used for its purpose. */
  restricted: boolean;
  startDate?: string;
  endDate?: string;
  cancellationReason?: string;
}

export type Frequency = 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';
export type CancelledBy = 'person' | 'bank' | 'ms';

export interface OfSubscription {
  id: string;
  updatedAt: string;
  agreementId: string;
  amountOre: number;
  frequency: Frequency;
  status: 'active' | 'paused' | 'cancelled';
  cancellation?: { reason: string; by: CancelledBy };
  nextChargeDate?: string;
  pausedUntil?: string;
}

export type PaymentChannel = 'betalingsservice' | 'mobilepay' | 'card' | 'sms' | 'invoice' | 'consumer_society';

export interface OfPaymentMethod {
  id: string;
  updatedAt: string;
  contactId: string;
  agreementId?: string;
  type: PaymentChannel;
  status: 'pending' | 'active' | 'rejected' | 'cancelled';
  /** The channel's reason, e.g. a Betalingsservice rejection code. */
  statusReason?: string;
  /** Masked for staff ("**** 1234"); never a full account or card number. */
  maskedReference?: string;
}

export type PaymentStatus = 'pending' | 'confirmed' | 'rejected' | 'failed' | 'refunded';

export interface OfPayment {
  id: string;
  updatedAt: string;
  contactId: string;
  agreementId?: string;
  subscriptionId?: string;
  paymentMethodId?: string;
  amountOre: number;
  status: PaymentStatus;
  statusReason?: string;
  dueDate?: string;
  paidDate?: string;
  channel: PaymentChannel;
  campaignCode?: string;
  purpose?: string;
}

export interface OfAddOn {
  id: string;
  updatedAt: string;
  agreementId: string;
  subscriptionId?: string;
  name: string;
  amountOre: number;
  status: 'active' | 'cancelled';
}

export interface OfDataSet {
  id: string;
  updatedAt: string;
  contactId?: string;
  kind: 'sms_inbound' | 'form';
  phone?: string;
  receivedAt: string;
  keyword?: string;
  text?: string;
  formId?: string;
  /** Every field as submitted, mapped or not. */
  fields: Record<string, string>;
  campaignCode?: string;
}

/** One OF entity as read from OF, tagged with its kind. */
export type OfSnapshot =
  | { entity: 'agreement'; record: OfAgreement }
  | { entity: 'subscription'; record: OfSubscription }
  | { entity: 'payment_method'; record: OfPaymentMethod }
  | { entity: 'payment'; record: OfPayment }
  | { entity: 'add_on'; record: OfAddOn }
  | { entity: 'data_set'; record: OfDataSet };

export type MirroredEntity = OfSnapshot['entity'];

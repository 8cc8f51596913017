/**
 * The seven core entities as the simulated OF API returns them: snake_case, ids as strings, amounts
 * in øre (integers), instants as ISO 8601 UTC, business dates as "YYYY-MM-DD" (Europe/Copenhagen).
 * Relations are the `<entity>_id` fields; listings can filter on them (`?contact_id=…`).
 */

interface Timestamps {
  /** Instant (UTC). */
  created_at: string;
  /** Instant (UTC); moves forward on every change. */
  updated_at: string;
}

export interface ContactRecord extends Timestamps {
  id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  email_secondary: string | null;
  /** As the person typed it: "12 34 56 78", "+46 70 123 45 67", "0046701234567". */
  phone: string | null;
  phone_secondary: string | null;
  address: {
    street: string | null;
    street2: string | null;
    postal_code: string | null;
    city: string | null;
    /** ISO 3166-1 alpha-2. */
    country: string | null;
  } | null;
  /** Campaign code of the form or landing page the contact signed up through. */
  contribution_code: string | null;
  company: { name: string; cvr: string | null } | null;
  /** CPR number as typed on the form (assumed field; OF's contact has a CPR field for tax deductions). */
  cpr: string | null;
  /** Marketing permissions per channel, newest decision per channel as OF holds it. */
  consents: ContactConsent[];
  /** Form-specific fields OF keeps on the contact, e.g. `{ "tshirt_size": "M" }`. */
  custom_fields: Record<string, string>;
  /** Set once this contact was merged into another (`POST /contacts/<survivor>/merge`); that one lives on. */
  merged_into_contact_id: string | null;
  /** Set once the contact was anonymised (`POST /contacts/<id>/anonymize`): its personal fields are empty. */
  anonymized_at: string | null;
  /** Who made the last change (see `ContactUpdater`); null when not known. */
  updated_by: ContactUpdater | null;
}

/**
 * Who changed a contact last: `api` is the API-key holder (the engine) writing through OF's API
 * (`PATCH /contacts/<id>`, the contact merge); `staff` is everyone else, such as OF's staff in its
 * UI or a form signup (in the simulator: every change through the control API).
 */
export type ContactUpdater = 'api' | 'staff';

export interface ContactConsent {
  channel: 'email' | 'sms' | 'phone' | 'post';
  given: boolean;
  /** Instant (UTC) the consent was given or withdrawn. */
  at: string;
  /** Where it was given, e.g. the form or campaign; null when OF does not know. */
  source: string | null;
}

/** How money is paid: a payment method's type and a payment's channel. */
export type PaymentChannel = 'betalingsservice' | 'mobilepay' | 'card' | 'sms' | 'invoice' | 'consumer_society';

export interface AgreementRecord extends Timestamps {
  id: string;
  contact_id: string;
  type: 'membership' | 'recurring_donation' | 'one_off_donation';
  status: 'pending' | 'active' | 'paused' | 'cancelled';
  contribution_code: string | null;
  /** What the money is for (formål), e.g. "Klimaindsats" or a project. */
  purpose: string | null;
  /** Øremærket: the money may only be used for `purpose`. */
  restricted: boolean;
  /** Business date (Europe/Copenhagen). */
  start_date: string | null;
  end_date: string | null;
  cancellation_reason: string | null;
}

export interface SubscriptionRecord extends Timestamps {
  id: string;
  agreement_id: string;
  /** Øre per charge. */
  amount: number;
  currency: 'DKK';
  interval: 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';
  status: 'active' | 'paused' | 'cancelled';
  /** Business date (Europe/Copenhagen). */
  next_charge_date: string | null;
  paused_until: string | null;
  cancellation_reason: string | null;
  /** Who cancelled: the contact, their bank (e.g. a Betalingsservice mandate withdrawn) or the organisation. */
  cancelled_by: 'contact' | 'bank' | 'organisation' | null;
}

export interface PaymentMethodRecord extends Timestamps {
  id: string;
  contact_id: string;
  agreement_id: string | null;
  type: PaymentChannel;
  status: 'pending' | 'active' | 'rejected' | 'cancelled';
  /** Why it was rejected or cancelled, in the channel's words (e.g. a Betalingsservice reason code). */
  status_reason: string | null;
  /** Masked identifier shown to staff, e.g. "**** 1234"; never the full account or card number. */
  masked_reference: string | null;
}

export interface PaymentRecord extends Timestamps {
  id: string;
  contact_id: string;
  agreement_id: string | null;
  /** Null for a one-off payment that belongs to no subscription. */
  subscription_id: string | null;
  payment_method_id: string | null;
  /** Øre. */
  amount: number;
  currency: 'DKK';
  status: 'pending' | 'confirmed' | 'rejected' | 'failed' | 'refunded';
  status_reason: string | null;
  channel: PaymentChannel;
  /** Business date (Europe/Copenhagen). */
  due_date: string | null;
  /** Business date (Europe/Copenhagen) the money arrived. */
  paid_date: string | null;
  contribution_code: string | null;
  /** What the money is for (formål). */
  purpose: string | null;
}

export interface AddOnRecord extends Timestamps {
  id: string;
  agreement_id: string;
  subscription_id: string | null;
  name: string;
  /** Øre per charge, on top of the subscription's amount. */
  amount: number;
  status: 'active' | 'cancelled';
}

export interface DataSetRecord extends Timestamps {
  id: string;
  type: 'sms_inbound' | 'form';
  /** The contact OF linked the data to, once it has one. */
  contact_id: string | null;
  phone: string | null;
  /** Instant (UTC) the SMS or form arrived. */
  received_at: string;
  keyword: string | null;
  text: string | null;
  form_id: string | null;
  /** Form fields as submitted. */
  fields: Record<string, string>;
  contribution_code: string | null;
}

export interface EntityRecords {
  contact: ContactRecord;
  agreement: AgreementRecord;
  subscription: SubscriptionRecord;
  payment_method: PaymentMethodRecord;
  payment: PaymentRecord;
  add_on: AddOnRecord;
  data_set: DataSetRecord;
}

export type AnyEntityRecord = EntityRecords[keyof EntityRecords];

import { z } from 'zod';

/** Text OF may send as a string, as null, or leave out. */
const optionalText = z.string().nullish();

/**
 * One marketing permission as OF holds it. Strict, unlike the contact's text fields: a consent the
 * engine cannot read (an unknown channel, no instant) is refused rather than guessed at.
 */
export const consentWireSchema = z.object({
  channel: z.enum(['email', 'sms', 'phone', 'post']),
  given: z.boolean(),
  /** Instant the consent was given or withdrawn. */
  at: z.iso.datetime({ offset: true }),
  /** Where it was given (form, campaign); null when OF does not know. */
  source: optionalText,
});

export type ConsentWire = z.infer<typeof consentWireSchema>;

/**
 * A contact as OF's API returns it (`GET /contacts/<id>`); our assumption of OF's wire format,
 * see local/simulators/onlinefundraising/README.md. Lenient where people type freely (names may be
 * missing on SMS signups); strict on what the engine keys on (id, updated_at). Extra fields are ignored.
 */
export const contactWireSchema = z.object({
  id: z.string().min(1),
  first_name: optionalText,
  last_name: optionalText,
  email: optionalText,
  email_secondary: optionalText,
  phone: optionalText,
  phone_secondary: optionalText,
  address: z
    .object({
      street: optionalText,
      street2: optionalText,
      postal_code: optionalText,
      city: optionalText,
      /** ISO 3166-1 alpha-2. */
      country: optionalText,
    })
    .nullish(),
  contribution_code: optionalText,
  company: z.object({ name: optionalText, cvr: optionalText }).nullish(),
  /** The contact's CPR number, when a form asked for it (for the tax deduction). */
  cpr: optionalText,
  /** Null or left out reads as no consents. */
  consents: z.array(consentWireSchema).nullish(),
  /** Form-specific fields, e.g. { "tshirt_size": "M" }; null or left out reads as none. */
  custom_fields: z.record(z.string(), z.string()).nullish(),
  /** The contact this one was merged into (OF's contact merge); null or left out while it lives on. */
  merged_into_contact_id: optionalText,
  /** [OnlineFundraising5] Set once OF anonymised the contact. */
  anonymized_at: optionalText,
  /**
   * Who changed the contact last: "api" (the API-key holder, i.e. the engine's own writes) or "staff"
   * (anyone else in OF). Read but not yet mapped: the domain's contact has no field for it.
   */
  updated_by: optionalText,
  created_at: z.iso.datetime({ offset: true }),
  updated_at: z.iso.datetime({ offset: true }),
});

export type ContactWire = z.infer<typeof contactWireSchema>;

import type { Person } from '../person/Person.js';
import { toE164 } from '../person/phoneNumber.js';
import type { DrupalSubmission } from './DrupalSubmission.js';

/** The webform fields MS's forms use for master data (Drupal machine names). */
const field = { firstName: 'first_name', lastName: 'last_name', email: 'email', phone: 'phone', street: 'street', postalCode: 'postal_code', city: 'city' } as const;

/** The person a submission describes, as if nobody knew them yet. A phone that is no number is left out. */
export function personFromSubmission(submission: DrupalSubmission, personId: string, now: Date): Person {
  const value = (name: string) => submission.fields[name]?.trim() || undefined;
  const email = value(field.email)?.toLowerCase();
  const phone = value(field.phone);
  const e164 = phone ? toE164(phone) : undefined;
  const postalCode = value(field.postalCode);
  return {
    id: personId,
    firstName: value(field.firstName) ?? '',
    lastName: value(field.lastName) ?? '',
    emails: email ? [email] : [],
    phones: e164 ? { primary: e164 } : {},
    rejectedPhones: phone && !e164 ? [{ field: 'primary', raw: phone }] : [],
    ...(postalCode && { address: { line1: value(field.street) ?? '', postalCode, city: value(field.city) ?? '', countryCode: 'DK' } }),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/** The raw email and phone as typed, for washing the signature. */
export function contactAsTyped(submission: DrupalSubmission): { email?: string; phone?: string } {
  const email = submission.fields[field.email]?.trim();
  const phone = submission.fields[field.phone]?.trim();
  return { ...(email && { email }), ...(phone && { phone }) };
}

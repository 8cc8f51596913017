import { applyFieldMappings } from '../mapping/applyFieldMappings.js';
import type { FieldMapping } from '../mapping/FieldMapping.js';
import type { Ids } from '../shared/Ids.js';
import type { OnlineFundraisingContact } from './OnlineFundraisingContact.js';
import type { CompanyDetails, Person, PostalAddress, RejectedPhone } from './Person.js';
import { toE164 } from './phoneNumber.js';

/** The engine's person id for an OF contact: the same contact always maps to the same person. */
export function personIdForOnlineFundraisingContact(ids: Ids, contactId: string): string {
  return ids.fromKey(`onlinefundraising-contact:${contactId}`);
}

/**
 * Builds the person that an OF contact describes. `existing` keeps the engine's own facts (its
 * creation instant, what their agreements make them); everything OF owns is taken from the contact as it is now.
 */
export function personFromOnlineFundraisingContact(
  contact: OnlineFundraisingContact,
  context: { personId: string; ids: Ids; now: Date; existing?: Person; fieldMappings?: readonly FieldMapping[] },
): Person {
  const { phones, rejectedPhones } = normalisePhones(contact);
  const { mapped, problems } = applyFieldMappings(contact.customFields ?? {}, contact.contributionCode, context.fieldMappings ?? []);
  const now = context.now.toISOString();
  return {
    id: context.personId,
    firstName: contact.firstName.trim(),
    lastName: contact.lastName.trim(),
    emails: normaliseEmails([contact.email, contact.secondaryEmail]),
    phones,
    rejectedPhones,
    ...optional('address', addressOf(contact)),
    ...optional('company', companyOf(contact, context.personId, context.ids)),
    ...optional('campaignCode', contact.contributionCode?.trim() || undefined),
    onlineFundraising: { contactId: contact.id, updatedAt: contact.updatedAt },
    ...optional('signupConsents', contact.consents?.length ? contact.consents : undefined),
    ...optional('customFields', contact.customFields && Object.keys(contact.customFields).length > 0 ? contact.customFields : undefined),
    ...optional('mappedFields', Object.keys(mapped).length > 0 ? mapped : undefined),
    ...optional('fieldProblems', problems.length > 0 ? problems : undefined),
    ...optional('cpr', contact.sealedCpr ?? context.existing?.cpr),
    ...optional('supporterKind', context.existing?.supporterKind),
    ...optional('crm', context.existing?.crm),
    ...optional('invalid', context.existing?.invalid),
    createdAt: context.existing?.createdAt ?? now,
    updatedAt: now,
  };
}

function normaliseEmails(candidates: (string | undefined)[]): string[] {
  const emails = candidates.map((email) => email?.trim().toLowerCase()).filter((email): email is string => !!email);
  return [...new Set(emails)];
}

function normalisePhones(contact: OnlineFundraisingContact): Pick<Person, 'phones' | 'rejectedPhones'> {
  const phones: Person['phones'] = {};
  const rejectedPhones: RejectedPhone[] = [];
  const typed = { primary: contact.phone, secondary: contact.secondaryPhone } as const;
  for (const field of ['primary', 'secondary'] as const) {
    const raw = typed[field]?.trim();
    if (!raw) continue;
    const e164 = toE164(raw);
    if (e164) phones[field] = e164;
    else rejectedPhones.push({ field, raw });
  }
  return { phones, rejectedPhones };
}

function addressOf(contact: OnlineFundraisingContact): PostalAddress | undefined {
  const address = contact.address;
  if (!address?.street.trim()) return undefined;
  return {
    line1: address.street.trim(),
    ...optional('line2', address.street2?.trim() || undefined),
    postalCode: address.postalCode.trim(),
    city: address.city.trim(),
    countryCode: address.countryCode.trim().toUpperCase(),
  };
}

function companyOf(contact: OnlineFundraisingContact, personId: string, ids: Ids): CompanyDetails | undefined {
  const name = contact.companyName?.trim();
  if (!name) return undefined;
  const cvr = contact.cvr?.replace(/\s/g, '');
  return { id: ids.fromKey(`company-of-person:${personId}`), name, ...optional('cvr', cvr || undefined) };
}

/** Spreads `{ key: value }` only when the value is present, so stored documents carry no undefined keys. */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

import type { OnlineFundraisingContact } from '../../domain/person/OnlineFundraisingContact.js';
import { contactExtrasFromWire } from './contactExtrasFromWire.js';
import type { ContactWire } from './contactWireSchema.js';
import { text, utcInstant, withoutUndefined } from './wireValues.js';

/** Danish organisation: an address without a country is read as Danish. */
const defaultCountryCode = 'DK';

/** Translates OF's contact into the domain's words. Empty text, lists and field sets count as absent. */
export function contactFromWire(wire: ContactWire): OnlineFundraisingContact {
  const { consents, customFields } = contactExtrasFromWire(wire);
  return withoutUndefined({
    id: wire.id,
    updatedAt: utcInstant(wire.updated_at),
    mergedIntoContactId: text(wire.merged_into_contact_id),
    anonymisedAt: wire.anonymized_at ? utcInstant(wire.anonymized_at) : undefined,
    firstName: text(wire.first_name) ?? '',
    lastName: text(wire.last_name) ?? '',
    email: text(wire.email),
    secondaryEmail: text(wire.email_secondary),
    phone: text(wire.phone),
    secondaryPhone: text(wire.phone_secondary),
    address: addressFromWire(wire.address),
    contributionCode: text(wire.contribution_code),
    companyName: text(wire.company?.name),
    cvr: text(wire.company?.cvr),
    cpr: text(wire.cpr),
    consents: consents.length > 0 ? consents : undefined,
    customFields: Object.keys(customFields).length > 0 ? customFields : undefined,
  });
}

function addressFromWire(address: ContactWire['address']): OnlineFundraisingContact['address'] {
  const street = text(address?.street);
  const postalCode = text(address?.postal_code);
  const city = text(address?.city);
  if (!street && !postalCode && !city) return undefined;
  return withoutUndefined({
    street: street ?? '',
    street2: text(address?.street2),
    postalCode: postalCode ?? '',
    city: city ?? '',
    countryCode: text(address?.country)?.toUpperCase() ?? defaultCountryCode,
  });
}

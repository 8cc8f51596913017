import type { OnlineFundraisingContact } from '../../domain/person/OnlineFundraisingContact.js';
import type { ContactWire } from './contactWireSchema.js';

/** Danish organisation: an address without a country is read as Danish. */
const defaultCountryCode = 'DK';

/** Translates OF's contact into the domain's words. Empty text counts as absent. */
export function contactFromWire(wire: ContactWire): OnlineFundraisingContact {
  return withoutUndefined({
    id: wire.id,
    updatedAt: new Date(wire.updated_at).toISOString(),
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

function text(value: string | null | undefined): string | undefined {
  return value?.trim() || undefined;
}

/** Leaves absent fields out rather than present-but-undefined, so documents compare and store cleanly. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

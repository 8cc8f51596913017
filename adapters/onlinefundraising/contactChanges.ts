import type { OnlineFundraisingContact } from '../../domain/person/OnlineFundraisingContact.js';

type ContactAddress = NonNullable<OnlineFundraisingContact['address']>;

/**
 * A change to a contact's master data in OF, in the domain's words. A field left out (or undefined)
 * stays as OF has it; null clears it. Empty or blank text clears it too, since the adapter reads
 * blank text from OF as absent.
 */
export interface OnlineFundraisingContactChanges {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  secondaryEmail?: string | null;
  phone?: string | null;
  secondaryPhone?: string | null;
  /** Replaced whole (a missing `street2` is cleared); null removes the address. */
  address?: ContactAddress | null;
}

/**
 * The body of OF's `PATCH /contacts/<id>` (assumed, see local/simulators/onlinefundraising/README.md):
 * snake_case, only the fields to change, null to clear, the address as a whole object.
 */
export interface ContactChangesWire {
  first_name?: string | null;
  last_name?: string | null;
  email?: string | null;
  email_secondary?: string | null;
  phone?: string | null;
  phone_secondary?: string | null;
  address?: {
    street: string | null;
    street2: string | null;
    postal_code: string | null;
    city: string | null;
    /** ISO 3166-1 alpha-2. */
    country: string | null;
  } | null;
}

type TextField = Exclude<keyof OnlineFundraisingContactChanges, 'address'>;
type WireTextField = Exclude<keyof ContactChangesWire, 'address'>;

const wireTextFields: Readonly<Record<TextField, WireTextField>> = {
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  secondaryEmail: 'email_secondary',
  phone: 'phone',
  secondaryPhone: 'phone_secondary',
};

/** Translates the domain's changes into OF's PATCH body; a field the domain leaves out is left out. */
export function contactChangesToWire(changes: OnlineFundraisingContactChanges): ContactChangesWire {
  const wire: ContactChangesWire = {};
  for (const [field, wireField] of Object.entries(wireTextFields) as [TextField, WireTextField][]) {
    const value = changes[field];
    if (value !== undefined) wire[wireField] = textOrNull(value);
  }
  if (changes.address !== undefined) wire.address = addressToWire(changes.address);
  return wire;
}

/** An address without street, postal code and city is no address, as `contactFromWire` reads it back. */
function addressToWire(address: ContactAddress | null): ContactChangesWire['address'] {
  if (address === null) return null;
  const street = textOrNull(address.street);
  const postalCode = textOrNull(address.postalCode);
  const city = textOrNull(address.city);
  if (street === null && postalCode === null && city === null) return null;
  return {
    street,
    street2: textOrNull(address.street2),
    postal_code: postalCode,
    city,
    country: textOrNull(address.countryCode),
  };
}

function textOrNull(value: string | null | undefined): string | null {
  return value?.trim() ? value : null;
}

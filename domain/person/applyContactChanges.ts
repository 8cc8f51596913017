import type { ContactChanges, WholeContactChanges } from './ContactChanges.js';
import type { Person, RejectedPhone } from './Person.js';
import { toE164 } from './phoneNumber.js';

/** [OnlineFundraising12] The person with master data changed elsewhere applied, normalised like OF's. */
export function applyContactChanges(person: Person, changes: ContactChanges, now: Date): Person {
  const emails = emailsAfter(person.emails, changes);
  const { phones, rejectedPhones } = phonesAfter(person, changes);
  const { address: _address, ...rest } = person;
  const address = changes.address === undefined ? person.address : addressAfter(person.address, changes.address);
  return {
    ...rest,
    ...(changes.firstName !== undefined && { firstName: changes.firstName.trim() }),
    ...(changes.lastName !== undefined && { lastName: changes.lastName.trim() }),
    emails,
    phones,
    rejectedPhones,
    ...(address && { address }),
    updatedAt: now.toISOString(),
  };
}

function emailsAfter(current: string[], changes: ContactChanges): string[] {
  const slot = (value: string | null | undefined, index: number) => (value === undefined ? current[index] : (value ?? undefined));
  const candidates = [slot(changes.email, 0), slot(changes.secondaryEmail, 1), ...current.slice(2)];
  return [...new Set(candidates.map((email) => email?.trim().toLowerCase()).filter((email): email is string => !!email))];
}

function phonesAfter(person: Person, changes: ContactChanges): Pick<Person, 'phones' | 'rejectedPhones'> {
  const phones = { ...person.phones };
  let rejectedPhones = person.rejectedPhones;
  for (const [field, value] of [['primary', changes.phone], ['secondary', changes.secondaryPhone]] as const) {
    if (value === undefined) continue;
    delete phones[field];
    rejectedPhones = rejectedPhones.filter((rejected) => rejected.field !== field);
    if (value === null || value.trim() === '') continue;
    const e164 = toE164(value);
    if (e164) phones[field] = e164;
    else rejectedPhones = [...rejectedPhones, { field, raw: value } satisfies RejectedPhone];
  }
  return { phones, rejectedPhones };
}

function addressAfter(current: Person['address'], change: ContactChanges['address']): Person['address'] {
  if (change === null || change === undefined) return undefined;
  const line2 = change.street2 === undefined ? current?.line2 : change.street2;
  return {
    line1: change.street ?? current?.line1 ?? '',
    ...(line2 && { line2 }),
    postalCode: change.postalCode ?? current?.postalCode ?? '',
    city: change.city ?? current?.city ?? '',
    countryCode: change.countryCode ?? current?.countryCode ?? 'DK',
  };
}

/**
 * The changes as another system takes them: phones in the engine's E.164 form (as typed when they
 * could not be read), a touched address whole.
 */
export function wholeChanges(changes: ContactChanges, person: Person): WholeContactChanges {
  const { address: _address, ...given } = changes;
  const rest = {
    ...given,
    ...(typeof changes.phone === 'string' && { phone: person.phones.primary ?? changes.phone }),
    ...(typeof changes.secondaryPhone === 'string' && { secondaryPhone: person.phones.secondary ?? changes.secondaryPhone }),
  };
  if (changes.address === undefined) return rest;
  const address = person.address;
  return {
    ...rest,
    address: address ? { street: address.line1, ...(address.line2 && { street2: address.line2 }), postalCode: address.postalCode, city: address.city, countryCode: address.countryCode } : null,
  };
}

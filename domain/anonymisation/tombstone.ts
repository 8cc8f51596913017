import type { Person } from '../person/Person.js';
import type { PersonAnonymisation } from './Anonymisation.js';

/**
 * [GDPR1] The person as a tombstone: the id, when they were first seen, the OF contact id (so a late
 * notification for that contact finds the tombstone instead of making a new person), the sealed CPR
 * number only when the retention rule keeps it, and the record of the anonymisation. Names,
 * addresses, emails, phones, company, custom and mapped fields, signup consents, flags and the
 * campaign of origin are gone.
 */
export function tombstoneOf(person: Person, anonymisation: PersonAnonymisation, now: Date): Person {
  return {
    id: person.id,
    firstName: '',
    lastName: '',
    emails: [],
    phones: {},
    rejectedPhones: [],
    ...(anonymisation.kept.cprKept && person.cpr && { cpr: person.cpr }),
    ...(person.onlineFundraising && { onlineFundraising: person.onlineFundraising }),
    ...(person.mergedInto && { mergedInto: person.mergedInto }),
    ...(person.crm && { crm: person.crm }),
    anonymisation,
    createdAt: person.createdAt,
    updatedAt: now.toISOString(),
  };
}

import type { Person } from '../person/Person.js';

/** What the resolver compares: a person, or incoming data that may belong to one. */
export interface IdentityCandidate {
  firstName?: string;
  lastName?: string;
  emails: string[];
  phones: string[];
  postalCode?: string;
  /** The CPR number's keyed hash (`SealedCpr.lookup`), never the number. */
  cpr?: string;
}

export function candidateOf(person: Person): IdentityCandidate {
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    emails: person.emails,
    phones: [person.phones.primary, person.phones.secondary].filter((phone): phone is string => phone !== undefined),
    ...(person.address?.postalCode && { postalCode: person.address.postalCode }),
    ...(person.cpr && { cpr: person.cpr.lookup }),
  };
}

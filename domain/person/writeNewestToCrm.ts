import type { Logger } from '../shared/Logger.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import type { Person } from './Person.js';
import type { CrmPersons, PersonRepository } from './ports.js';
import { samePersonData } from './samePersonData.js';

const maxCrmRounds = 3;

/**
 * Two workers can write the same person to the CRM at once, and the older write may land last.
 * So after writing, check that the store has not moved on meanwhile; if it has, write the newest
 * again. Whichever worker finishes last then leaves the CRM with the newest stored person.
 */
export async function writeNewestToCrm(person: Person, ports: { persons: PersonRepository; crm: CrmPersons; logger?: Logger }): Promise<void> {
  let written = person;
  for (let round = 1; round <= maxCrmRounds; round++) {
    await ports.crm.upsertPerson(written);
    const stored = await ports.persons.get(written.id);
    if (!stored || samePersonData(stored.value, written)) return;
    written = stored.value;
  }
  throw new ConcurrencyConflictError(`person ${person.id} kept changing while it was written to the CRM`);
}

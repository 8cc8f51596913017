import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import type { Person } from './Person.js';
import type { CrmPersons, PersonRepository } from './ports.js';
import { personDataHash, samePersonData } from './samePersonData.js';

const maxCrmRounds = 3;

export interface CrmWritePorts {
  persons: PersonRepository;
  crm: CrmPersons;
  clock: Clock;
}

/**
 * Writes the stored person to the CRM unless the CRM already has exactly this data (a repeated
 * notification costs no CRM request). Two workers can write the same person at once, and the
 * older write may land last; so after writing, check that the store has not moved on meanwhile,
 * and if it has, write the newest again. Whichever worker finishes last leaves the CRM with the
 * newest stored person, and notes on it what the CRM got.
 */
export async function writeNewestToCrm(person: Person, ports: CrmWritePorts): Promise<void> {
  // Only before our own first write: once we have written, ours may have overwritten a newer one.
  if (person.crm?.writtenHash === personDataHash(person)) return;
  let written = person;
  for (let round = 1; round <= maxCrmRounds; round++) {
    await ports.crm.upsertPerson(written);
    const stored = await ports.persons.get(written.id);
    if (!stored) return;
    if (samePersonData(stored.value, written)) return noteWritten(stored.value, stored.etag, ports);
    written = stored.value;
  }
  throw new ConcurrencyConflictError(`person ${person.id} kept changing while it was written to the CRM`);
}

/** If the person changed meanwhile, its own worker writes and notes it; a missing note only costs a repeat write. */
async function noteWritten(person: Person, etag: string, ports: CrmWritePorts): Promise<void> {
  const crm = { writtenHash: personDataHash(person), writtenAt: ports.clock.now().toISOString() };
  await ports.persons.replace({ ...person, crm }, etag);
}

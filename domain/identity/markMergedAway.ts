import type { Person } from '../person/Person.js';
import type { PersonRepository } from '../person/ports.js';
import { ConcurrencyConflictError } from '../shared/errors.js';

const maxAttempts = 5;

/**
 * [OnlineFundraising13] `person` now points to `survivorId`: stored as it is (kept for history) if
 * it was not there yet, otherwise marked. Anything that later arrives for it lands on the survivor.
 */
export async function markMergedAway(person: Person, survivorId: string, ports: { persons: PersonRepository }): Promise<void> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await ports.persons.get(person.id);
    if (!stored) {
      if ((await ports.persons.create({ ...person, mergedInto: survivorId })) === 'created') return;
      continue;
    }
    if (stored.value.mergedInto === survivorId) return;
    if ((await ports.persons.replace({ ...stored.value, mergedInto: survivorId }, stored.etag)) === 'replaced') return;
  }
  throw new ConcurrencyConflictError(`person ${person.id} changed concurrently ${maxAttempts} times in a row`);
}

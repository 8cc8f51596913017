import type { Person } from '../person/Person.js';
import type { PersonRepository } from '../person/ports.js';
import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError } from '../shared/errors.js';

const maxAttempts = 5;

/**
 * [OnlineFundraising13][Skatteindberetning] The merged person's CPR number (sealed) goes to a survivor
 * that has none: the gifts move to the survivor, and SKAT must go on getting them under the number
 * they were reported under. A survivor with a number of its own keeps it.
 */
export async function carryCprNumber(merged: Person, survivorId: string, ports: { persons: PersonRepository; clock: Clock }): Promise<boolean> {
  if (!merged.cpr) return false;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await ports.persons.get(survivorId);
    if (!stored || stored.value.cpr) return false;
    if ((await ports.persons.replace({ ...stored.value, cpr: merged.cpr, updatedAt: ports.clock.now().toISOString() }, stored.etag)) === 'replaced') return true;
  }
  throw new ConcurrencyConflictError(`person ${survivorId} changed concurrently ${maxAttempts} times in a row`);
}

import type { PersonRepository } from '../person/ports.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import type { Clock } from '../shared/Clock.js';
import type { PersonAnonymisation } from './Anonymisation.js';

const maxAttempts = 5;

/** Changes a tombstone's anonymisation record (ETag-conditional, read again on a lost race). */
export async function updateAnonymisation(
  personId: string,
  change: (current: PersonAnonymisation) => PersonAnonymisation,
  ports: { persons: PersonRepository; clock: Clock },
): Promise<void> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await ports.persons.get(personId);
    const current = stored?.value.anonymisation;
    if (!stored || !current) return;
    const updated = { ...stored.value, anonymisation: change(current), updatedAt: ports.clock.now().toISOString() };
    if ((await ports.persons.replace(updated, stored.etag)) === 'replaced') return;
  }
  throw new ConcurrencyConflictError(`person ${personId} changed concurrently ${maxAttempts} times in a row`);
}

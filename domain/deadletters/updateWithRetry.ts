import { ConcurrencyConflictError } from '../shared/errors.js';
import type { DeadLetter } from './DeadLetter.js';
import type { DeadLetterStore } from './ports.js';

const maxAttempts = 5;

/** Read, change and write a dead letter under its ETag, re-reading when someone else wrote first. */
export async function updateWithRetry(
  store: DeadLetterStore,
  id: string,
  change: (existing: DeadLetter | undefined) => DeadLetter,
): Promise<DeadLetter> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await store.get(id);
    const next = change(stored?.value);
    if ((await store.save(next, stored?.etag)) === 'saved') return next;
  }
  throw new ConcurrencyConflictError(`dead letter ${id} changed concurrently ${maxAttempts} times in a row`);
}

import type { DeadLetter } from './DeadLetter.js';
import type { DeadLetterStore, FailedAttempt } from './ports.js';
import { updateWithRetry } from './updateWithRetry.js';

/** A delivery of a message failed; the queue will try again (or move it to its poison queue). */
export async function recordFailedAttempt(attempt: FailedAttempt, store: DeadLetterStore): Promise<void> {
  await updateWithRetry(store, attempt.messageId, (existing) => ({
    ...(existing ?? firstLetter(attempt)),
    status: 'retrying',
    failures: (existing?.failures ?? 0) + 1,
    lastError: attempt.error,
    lastFailedAt: attempt.at,
  }));
}

/**
 * The message landed in the poison queue: it is dead until someone replays it. Its failures were
 * recorded as they happened; only a message with no record (its handler crashed) counts one here.
 */
export async function recordPoisonedMessage(attempt: FailedAttempt, store: DeadLetterStore): Promise<void> {
  await updateWithRetry(store, attempt.messageId, (existing) => ({
    ...(existing ?? { ...firstLetter(attempt), failures: 1 }),
    status: 'dead',
    deadAt: attempt.at,
  }));
}

function firstLetter(attempt: FailedAttempt): DeadLetter {
  return {
    id: attempt.messageId,
    queue: attempt.queue,
    ...(attempt.subject && { subject: attempt.subject }),
    message: attempt.message,
    status: 'retrying',
    failures: 0,
    lastError: attempt.error,
    firstFailedAt: attempt.at,
    lastFailedAt: attempt.at,
  };
}

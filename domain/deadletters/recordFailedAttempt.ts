import type { DeadLetter } from './DeadLetter.js';
import type { DeadLetterStore, FailedAttempt } from './ports.js';
import { updateWithRetry } from './updateWithRetry.js';

/** A delivery of a message failed; the queue will try again (or move it to its poison queue). */
export async function recordFailedAttempt(attempt: FailedAttempt, store: DeadLetterStore): Promise<void> {
  await updateWithRetry(store, attempt.messageId, (existing) => afterFailure(existing, attempt, 'retrying'));
}

/** The message landed in the poison queue: it is dead until someone replays it. */
export async function recordPoisonedMessage(attempt: FailedAttempt, store: DeadLetterStore): Promise<void> {
  await updateWithRetry(store, attempt.messageId, (existing) => ({
    ...afterFailure(existing, attempt, 'dead', !existing),
    deadAt: attempt.at,
  }));
}

function afterFailure(
  existing: DeadLetter | undefined,
  attempt: FailedAttempt,
  status: DeadLetter['status'],
  countsAsFailure = status === 'retrying',
): DeadLetter {
  const failures = (existing?.failures ?? 0) + (countsAsFailure ? 1 : 0);
  return {
    id: attempt.messageId,
    queue: attempt.queue,
    message: attempt.message,
    status,
    failures,
    lastError: existing && !countsAsFailure ? existing.lastError : attempt.error,
    firstFailedAt: existing?.firstFailedAt ?? attempt.at,
    lastFailedAt: countsAsFailure ? attempt.at : (existing?.lastFailedAt ?? attempt.at),
  };
}

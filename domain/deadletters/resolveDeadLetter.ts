import type { Clock } from '../shared/Clock.js';
import type { DeadLetterStore } from './ports.js';
import { updateWithRetry } from './updateWithRetry.js';

/**
 * Work that failed before has been done another way (reconciliation re-queued it and it succeeded):
 * every open letter about the same subject is closed, so the list and the alert tell the truth.
 */
export async function resolveLettersAbout(subject: string, ports: { deadLetters: DeadLetterStore; clock: Clock }): Promise<number> {
  const open = await ports.deadLetters.openAbout(subject);
  for (const id of open) await resolveDeadLetter(id, ports);
  return open.length;
}

/** A message that had failed before has now been processed: its letter is closed, if it has one. */
export async function resolveDeadLetter(messageId: string, ports: { deadLetters: DeadLetterStore; clock: Clock }): Promise<void> {
  if (!(await ports.deadLetters.get(messageId))) return;
  const resolvedAt = ports.clock.now().toISOString();
  await updateWithRetry(ports.deadLetters, messageId, (existing) => ({ ...existing!, status: 'resolved', resolvedAt }));
}

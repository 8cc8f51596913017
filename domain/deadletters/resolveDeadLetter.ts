import type { Clock } from '../shared/Clock.js';
import type { DeadLetterStore } from './ports.js';
import { updateWithRetry } from './updateWithRetry.js';

/** A message that had failed before has now been processed: its letter is closed, if it has one. */
export async function resolveDeadLetter(messageId: string, ports: { deadLetters: DeadLetterStore; clock: Clock }): Promise<void> {
  if (!(await ports.deadLetters.get(messageId))) return;
  const resolvedAt = ports.clock.now().toISOString();
  await updateWithRetry(ports.deadLetters, messageId, (existing) => ({ ...existing!, status: 'resolved', resolvedAt }));
}

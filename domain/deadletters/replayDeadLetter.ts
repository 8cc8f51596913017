import type { Clock } from '../shared/Clock.js';
import { NotFoundError } from '../shared/errors.js';
import type { DeadLetter } from './DeadLetter.js';
import { NotReplayableError } from './errors.js';
import type { DeadLetterStore, MessageQueue } from './ports.js';
import { updateWithRetry } from './updateWithRetry.js';

/**
 * Puts a dead message back on its queue after its cause was fixed. The message is sent before the
 * letter is marked, so a crash in between can at worst replay twice, which processing tolerates;
 * it can never mark a letter replayed that was not sent.
 */
export async function replayDeadLetter(
  id: string,
  ports: { deadLetters: DeadLetterStore; queue: MessageQueue; clock: Clock },
): Promise<DeadLetter> {
  const stored = await ports.deadLetters.get(id);
  if (!stored) throw new NotFoundError(`no dead letter ${id}`);
  if (stored.value.status !== 'dead') throw new NotReplayableError(`dead letter ${id} is ${stored.value.status}, not dead`);
  await ports.queue.send(stored.value.queue, stored.value.message);
  const replayedAt = ports.clock.now().toISOString();
  return updateWithRetry(ports.deadLetters, id, (existing) => ({ ...(existing ?? stored.value), status: 'replayed', replayedAt }));
}

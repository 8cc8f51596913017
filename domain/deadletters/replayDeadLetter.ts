import type { Clock } from '../shared/Clock.js';
import { NotFoundError } from '../shared/errors.js';
import type { DeadLetter } from './DeadLetter.js';
import { NotReplayableError } from './errors.js';
import type { DeadLetterStore, MessageQueue } from './ports.js';

/**
 * Puts a dead message back on its queue after its cause was fixed. The letter is claimed first, by a
 * write conditional on its ETag, so two replays at once send the message once: the second finds it
 * no longer dead (409). Should the send then fail, the letter is dead again. The message goes out
 * marked `replayed`, so its success closes the letter.
 */
export async function replayDeadLetter(
  id: string,
  ports: { deadLetters: DeadLetterStore; queue: MessageQueue; clock: Clock },
): Promise<DeadLetter> {
  const stored = await ports.deadLetters.get(id);
  if (!stored) throw new NotFoundError(`no dead letter ${id}`);
  if (stored.value.status !== 'dead') throw new NotReplayableError(`dead letter ${id} is ${stored.value.status}, not dead`);
  const replayed: DeadLetter = { ...stored.value, status: 'replayed', replayedAt: ports.clock.now().toISOString() };
  if ((await ports.deadLetters.save(replayed, stored.etag)) === 'stale') throw new NotReplayableError(`dead letter ${id} is being replayed or changed meanwhile`);
  try {
    await ports.queue.send(replayed.queue, markedReplayed(replayed.message));
  } catch (error) {
    const claimed = await ports.deadLetters.get(id);
    if (claimed) await ports.deadLetters.save({ ...claimed.value, status: 'dead' }, claimed.etag);
    throw error;
  }
  return replayed;
}

function markedReplayed(message: string): string {
  try {
    const parsed: unknown = JSON.parse(message);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? JSON.stringify({ ...parsed, replayed: true }) : message;
  } catch {
    return message;
  }
}

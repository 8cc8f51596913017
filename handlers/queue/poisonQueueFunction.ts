import { recordPoisonedMessage } from '../../domain/deadletters/recordFailedAttempt.js';
import type { QueueFunction } from './QueueFunction.js';
import { withLogContext } from '../../adapters/system/logContext.js';
import { correlationIdOf, messageIdOf, messageText } from './messageIdentity.js';
import { maxDequeueCount, poisonQueueOf } from './queueNames.js';
import type { FailureTrackingDeps } from './withFailureTracking.js';

/**
 * Drains `<queue>-poison` into the dead-letter store, where the admin API lists and replays it
 * (a queue keeps messages 7 days at most and cannot be searched; the store keeps them until handled).
 */
export function poisonQueueFunction(queue: string, deps: FailureTrackingDeps): QueueFunction {
  return {
    name: `${queue.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())}Poison`,
    queueName: poisonQueueOf(queue),
    handle: async (message) => {
      const messageId = messageIdOf(message, deps.ids);
      await withLogContext({ correlationId: correlationIdOf(message, messageId), messageId, queue }, () => deadLetter(message, messageId));
    },
  };

  async function deadLetter(message: unknown, messageId: string): Promise<void> {
    const at = deps.clock.now().toISOString();
    await recordPoisonedMessage({ messageId, queue, message: messageText(message), error: `failed ${maxDequeueCount} times; no error was recorded`, at }, deps.deadLetters);
    deps.logger.warn('message dead-lettered', { queue, messageId });
  }
}

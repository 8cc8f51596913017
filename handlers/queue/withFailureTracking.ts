import { recordFailedAttempt } from '../../domain/deadletters/recordFailedAttempt.js';
import { resolveDeadLetter } from '../../domain/deadletters/resolveDeadLetter.js';
import type { DeadLetterStore } from '../../domain/deadletters/ports.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Ids } from '../../domain/shared/Ids.js';
import type { Logger } from '../../domain/shared/Logger.js';
import type { QueueDelivery } from './QueueFunction.js';
import { messageIdOf, messageText } from './messageIdentity.js';

export interface FailureTrackingDeps {
  deadLetters: DeadLetterStore;
  clock: Clock;
  ids: Ids;
  logger: Logger;
}

/**
 * Wraps a queue handler so every failed attempt is remembered with its error (the poison queue
 * alone keeps no error), and a message that succeeds after failing closes its record.
 */
export function withFailureTracking(
  queue: string,
  process: (message: unknown) => Promise<void>,
  deps: FailureTrackingDeps,
): (message: unknown, delivery: QueueDelivery) => Promise<void> {
  return async (message, delivery) => {
    const messageId = messageIdOf(message, deps.ids);
    try {
      await process(message);
      if (delivery.dequeueCount > 1) await resolveDeadLetter(messageId, deps);
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      deps.logger.error('queue message failed', { queue, messageId, dequeueCount: delivery.dequeueCount, error: reason });
      const at = deps.clock.now().toISOString();
      await recordFailedAttempt({ messageId, queue, message: messageText(message), error: reason, at }, deps.deadLetters);
      throw error;
    }
  };
}

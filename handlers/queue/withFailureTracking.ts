import { recordFailedAttempt } from '../../domain/deadletters/recordFailedAttempt.js';
import { resolveDeadLetter, resolveLettersAbout } from '../../domain/deadletters/resolveDeadLetter.js';
import type { DeadLetterStore } from '../../domain/deadletters/ports.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Ids } from '../../domain/shared/Ids.js';
import type { Logger } from '../../domain/shared/Logger.js';
import type { QueueDelivery } from './QueueFunction.js';
import { withLogContext } from '../../adapters/system/logContext.js';
import type { WorkQueue } from '../../domain/messaging/WorkItem.js';
import { type QueueRetryPolicy, type RetriedWorkItem, hasFailedBefore, isWorkItem, retryDecision } from '../../domain/messaging/queueRetry.js';
import { correlationIdOf, messageIdOf, messageText } from './messageIdentity.js';

export interface FailureTrackingDeps {
  deadLetters: DeadLetterStore;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  /** Puts a work item back on a queue, invisible for a while: how failed work waits out an outage. */
  requeue: (queue: string) => WorkQueue;
  retryPolicy?: QueueRetryPolicy;
}

/**
 * Wraps a queue handler so every failed attempt is remembered with its error (the poison queue
 * alone keeps no error), and a message that succeeds after failing closes its record.
 * [NFR-Faults] A work item that fails is put back with a growing delay (`retryDecision`) rather than
 * redelivered at once; only one still failing after hours is let fail, to the poison queue.
 */
export function withFailureTracking(
  queue: string,
  process: (message: unknown) => Promise<void>,
  deps: FailureTrackingDeps,
): (message: unknown, delivery: QueueDelivery) => Promise<void> {
  return async (message, delivery) => {
    const messageId = messageIdOf(message, deps.ids);
    return withLogContext({ correlationId: correlationIdOf(message, messageId), messageId, queue, invocationId: delivery.invocationId }, () => attempt(message, messageId, delivery));
  };

  async function attempt(message: unknown, messageId: string, delivery: QueueDelivery): Promise<void> {
    try {
      await process(message);
      if (delivery.dequeueCount > 1 || hasFailedBefore(message)) await resolveDeadLetter(messageId, deps);
      if (isWorkItem(message) && message.repairs && message.subject) await resolveLettersAbout(message.subject, deps);
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const now = deps.clock.now();
      const subject = isWorkItem(message) ? message.subject : undefined;
      await recordFailedAttempt({ messageId, queue, message: messageText(originalOf(message)), error: reason, at: now.toISOString(), ...(subject && { subject }) }, deps.deadLetters);
      const decision = isWorkItem(message) ? retryDecision(message, now, deps.retryPolicy) : undefined;
      if (decision?.retry) {
        await deps.requeue(queue).enqueue(decision.item, { delaySeconds: decision.delaySeconds });
        deps.logger.warn('queue message failed; it is tried again later', { queue, messageId, attempt: decision.item.attempt! - 1, retryInSeconds: decision.delaySeconds, error: reason });
        return;
      }
      deps.logger.error('queue message failed', { queue, messageId, dequeueCount: delivery.dequeueCount, error: reason, ...(decision && { failingSince: decision.firstFailedAt }) });
      throw error;
    }
  }
}

/** The message as it was first enqueued, so a replay starts afresh rather than as an expired retry. */
function originalOf(message: unknown): unknown {
  if (!isWorkItem(message)) return message;
  const { attempt: _attempt, firstFailedAt: _since, replayed: _replayed, ...original } = message as RetriedWorkItem & { replayed?: boolean };
  return original;
}

import type { DequeuedMessageItem, QueueClient, QueueServiceClient } from '@azure/storage-queue';
import { decodeQueueMessage } from '../../adapters/queue/StorageQueues.js';
import type { Logger } from '../../domain/shared/Logger.js';
import type { QueueFunction } from '../../handlers/queue/QueueFunction.js';
import { poisonQueueOf } from '../../handlers/queue/queueNames.js';

/** The Azure Functions queue-trigger settings (host.json `extensions.queues`) the local host honours. */
export interface QueueRunnerOptions {
  /** Messages processed at once (Functions: batchSize 16 + newBatchThreshold 8). */
  maxConcurrency: number;
  maxDequeueCount: number;
  /** How long a received message stays invisible while it is processed. */
  visibilityTimeoutSeconds: number;
  /** How long a failed message stays invisible before it is redelivered (Functions default: 0). */
  retryDelaySeconds: number;
  /** Polling backs off from min to max while the queue is empty (Functions: up to 1 minute). */
  minPollIntervalMs: number;
  maxPollIntervalMs: number;
}

export const functionsQueueDefaults: QueueRunnerOptions = {
  maxConcurrency: 24,
  maxDequeueCount: 5,
  visibilityTimeoutSeconds: 60,
  retryDelaySeconds: 0,
  minPollIntervalMs: 100,
  maxPollIntervalMs: 2_000,
};

export interface RunningQueueFunction {
  stop(): Promise<void>;
}

/**
 * Runs a queue function against a real (Azurite) queue with the Functions semantics: visibility
 * timeout while processing, delete on success, redelivery with a growing dequeue count on failure,
 * and `<queue>-poison` after `maxDequeueCount` failed deliveries.
 */
export function runQueueFunction(fn: QueueFunction, service: QueueServiceClient, options: QueueRunnerOptions, logger: Logger): RunningQueueFunction {
  const queue = service.getQueueClient(fn.queueName);
  const poison = service.getQueueClient(poisonQueueOf(fn.queueName));
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let wake: (() => void) | undefined;

  const deliver = async (item: DequeuedMessageItem) => {
    if (item.dequeueCount > options.maxDequeueCount) return moveToPoison(queue, poison, item);
    const lease = keepInvisible(queue, item, options.visibilityTimeoutSeconds, logger);
    try {
      await fn.handle(decodeMessage(item.messageText), { dequeueCount: item.dequeueCount });
      await lease.release();
      await queue.deleteMessage(item.messageId, lease.popReceipt(), timeLimit());
    } catch {
      await lease.release();
      if (item.dequeueCount >= options.maxDequeueCount) await moveToPoison(queue, poison, { ...item, popReceipt: lease.popReceipt() });
      else await queue.updateMessage(item.messageId, lease.popReceipt(), undefined, options.retryDelaySeconds, timeLimit());
    }
  };

  const track = (item: DequeuedMessageItem) => {
    const running: Promise<void> = deliver(item)
      .catch((error: unknown) => logger.error('local queue host could not settle a message', { queue: fn.queueName, error: String(error) }))
      .finally(() => {
        inFlight.delete(running);
        wake?.();
      });
    inFlight.add(running);
  };

  const loop = async () => {
    let idleMs = options.minPollIntervalMs;
    while (!stopped) {
      const free = options.maxConcurrency - inFlight.size;
      const items = free > 0 ? await receive(queue, Math.min(free, 32), options.visibilityTimeoutSeconds, logger) : [];
      items.forEach(track);
      if (items.length > 0) {
        idleMs = options.minPollIntervalMs;
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, free > 0 ? idleMs : options.maxPollIntervalMs);
      });
      if (free > 0) idleMs = Math.min(idleMs * 2, options.maxPollIntervalMs);
    }
  };
  const looping = loop();

  return {
    stop: async () => {
      stopped = true;
      wake?.();
      await looping;
      await Promise.all(inFlight);
    },
  };
}

/**
 * While a message's work runs, its invisibility is renewed every half timeout, as the Functions
 * runtime does: a slow message is not delivered a second time while the first delivery still works.
 */
function keepInvisible(queue: QueueClient, item: DequeuedMessageItem, visibilityTimeoutSeconds: number, logger: Logger) {
  let popReceipt = item.popReceipt;
  let renewing: Promise<void> = Promise.resolve();
  const renew = async () => {
    try {
      popReceipt = (await queue.updateMessage(item.messageId, popReceipt, undefined, visibilityTimeoutSeconds, timeLimit())).popReceipt!;
    } catch (error) {
      logger.warn('local queue host could not renew a message\'s invisibility', { queue: queue.name, error: String(error) });
    }
  };
  const timer = setInterval(() => {
    renewing = renewing.then(renew);
  }, (visibilityTimeoutSeconds * 1000) / 2);
  return {
    popReceipt: () => popReceipt,
    release: async () => {
      clearInterval(timer);
      await renewing;
    },
  };
}

/** No storage call may hang the host: a connection that died silently is given up after this. */
const storageCallTimeoutMs = 30_000;
const timeLimit = () => ({ abortSignal: AbortSignal.timeout(storageCallTimeoutMs) });

async function receive(queue: QueueClient, count: number, visibilityTimeout: number, logger: Logger): Promise<DequeuedMessageItem[]> {
  try {
    const response = await queue.receiveMessages({ numberOfMessages: count, visibilityTimeout, ...timeLimit() });
    return response.receivedMessageItems;
  } catch (error) {
    logger.warn('local queue host could not poll', { queue: queue.name, error: String(error) });
    return [];
  }
}

async function moveToPoison(queue: QueueClient, poison: QueueClient, item: DequeuedMessageItem): Promise<void> {
  await poison.sendMessage(item.messageText, timeLimit());
  await queue.deleteMessage(item.messageId, item.popReceipt, timeLimit());
}

/** Like the Functions runtime: base64 text, handed over as parsed JSON when it is JSON. */
function decodeMessage(base64: string): unknown {
  const text = decodeQueueMessage(base64);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

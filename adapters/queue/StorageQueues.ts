import type { QueueServiceClient } from '@azure/storage-queue';
import type { MessageQueue } from '../../domain/deadletters/ports.js';
import type { WorkItem, WorkQueue } from '../../domain/messaging/WorkItem.js';
import { currentCorrelationId } from '../system/logContext.js';

/**
 * Azure Storage queues. Messages are base64-encoded JSON, which is what the Azure Functions queue
 * trigger expects by default (host.json `messageEncoding: base64`).
 */
export class StorageQueues implements MessageQueue {
  constructor(private readonly service: QueueServiceClient) {}

  async send(queue: string, message: string, options: { delaySeconds?: number } = {}): Promise<void> {
    await this.service.getQueueClient(queue).sendMessage(encodeQueueMessage(message), { ...(options.delaySeconds && { visibilityTimeout: Math.ceil(options.delaySeconds) }) });
  }

  /** Work enqueued while other work is in hand carries its correlation id on ([NFR-Observability]). */
  workQueue(queue: string): WorkQueue {
    return {
      enqueue: (item: WorkItem, options) => {
        const correlationId = item.correlationId ?? currentCorrelationId();
        return this.send(queue, JSON.stringify({ ...item, ...(correlationId && { correlationId }) }), options);
      },
    };
  }

  async ensureQueues(names: readonly string[]): Promise<void> {
    for (const name of names) await this.service.getQueueClient(name).createIfNotExists();
  }

  client(): QueueServiceClient {
    return this.service;
  }
}

export function encodeQueueMessage(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

export function decodeQueueMessage(base64: string): string {
  return Buffer.from(base64, 'base64').toString('utf8');
}

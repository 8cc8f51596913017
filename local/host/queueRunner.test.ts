import { QueueServiceClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeQueueMessage } from '../../adapters/queue/StorageQueues.js';
import { silentLogger } from '../../adapters/system/jsonLogger.js';
import { eventually } from '../../test/support/eventually.js';
import { type RunningAzurite, startAzurite } from '../standins/azurite.js';
import { functionsQueueDefaults, runQueueFunction } from './queueRunner.js';

let azurite: RunningAzurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(() => azurite.close());

describe('local queue host', () => {
  it('[NFR-Faults] renews a message\'s invisibility while its work runs, as the Functions runtime does: work slower than the timeout is delivered once', async () => {
    const service = QueueServiceClient.fromConnectionString(azurite.connectionString);
    const queue = service.getQueueClient('slow-work');
    await queue.createIfNotExists();
    await service.getQueueClient('slow-work-poison').createIfNotExists();
    const deliveries: number[] = [];
    const running = runQueueFunction(
      {
        name: 'slowWork',
        queueName: 'slow-work',
        handle: async (_message, delivery) => {
          deliveries.push(delivery.dequeueCount);
          await new Promise((resolve) => setTimeout(resolve, 4_500)); // over twice the visibility timeout
        },
      },
      service,
      { ...functionsQueueDefaults, visibilityTimeoutSeconds: 2, minPollIntervalMs: 50, maxPollIntervalMs: 100 },
      silentLogger,
    );
    await queue.sendMessage(encodeQueueMessage(JSON.stringify({ messageId: 'slow-1', kind: 'slow', body: {}, enqueuedAt: '2026-11-25T10:00:00Z' })));
    await eventually(async () => expect((await queue.getProperties()).approximateMessagesCount).toBe(0), 30_000);
    await running.stop();
    expect(deliveries).toEqual([1]);
  });
});

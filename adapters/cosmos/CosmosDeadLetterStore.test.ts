import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadLetter } from '../../domain/deadletters/DeadLetter.js';
import { type RunningCosmos, startCosmos } from '../../local/standins/cosmos.js';
import { CosmosDeadLetterStore } from './CosmosDeadLetterStore.js';
import { createCosmosClient } from './cosmosClient.js';
import { cosmosContainers, ensureCosmosContainers } from './containers.js';

let cosmos: RunningCosmos;
let store: CosmosDeadLetterStore;

beforeAll(async () => {
  cosmos = await startCosmos();
  const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, database: 'test' });
  await ensureCosmosContainers(client, 'test');
  store = new CosmosDeadLetterStore(client.database('test').container(cosmosContainers.deadLetters.id));
});
afterAll(() => cosmos.close());

const letter = (id: string, status: DeadLetter['status'], minute: number): DeadLetter => ({
  id,
  queue: 'of-notifications',
  message: `{"messageId":"${id}"}`,
  status,
  failures: 5,
  lastError: 'boom',
  firstFailedAt: '2026-11-24T10:00:00.000Z',
  lastFailedAt: `2026-11-24T10:${String(minute).padStart(2, '0')}:00.000Z`,
});

describe('CosmosDeadLetterStore', () => {
  it('creates only once without an ETag and replaces only under the current one', async () => {
    expect(await store.save(letter('d-1', 'retrying', 1))).toBe('saved');
    expect(await store.save(letter('d-1', 'retrying', 2))).toBe('stale');
    const read = (await store.get('d-1'))!;
    expect(await store.save(letter('d-1', 'dead', 3), read.etag)).toBe('saved');
    expect(await store.save(letter('d-1', 'resolved', 4), read.etag)).toBe('stale');
    expect((await store.get('d-1'))?.value.status).toBe('dead');
  });

  it('lists one status a page at a time, newest failure first, with continuation tokens', async () => {
    for (let minute = 10; minute < 15; minute++) await store.save(letter(`page-${minute}`, 'dead', minute));
    await store.save(letter('other', 'resolved', 30));
    const first = await store.listByStatus('dead', { pageSize: 4 });
    expect(first.items).toHaveLength(4);
    expect(first.continuationToken).toBeDefined();
    const second = await store.listByStatus('dead', { pageSize: 4, continuationToken: first.continuationToken! });
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(ids).toEqual(['page-14', 'page-13', 'page-12', 'page-11', 'page-10', 'd-1']);
    expect(second.continuationToken).toBeUndefined();
    expect(await store.countByStatus('dead')).toBe(6);
    expect(await store.countByStatus('resolved')).toBe(1);
  });
});

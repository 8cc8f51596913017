import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MirrorRecord } from '../../domain/mirror/MirrorRecord.js';
import { type RunningCosmos, startCosmos } from '../../local/standins/cosmos.js';
import { CosmosMirrorRepository } from './CosmosMirrorRepository.js';
import { createCosmosClient } from './cosmosClient.js';
import { cosmosContainers, ensureCosmosContainers } from './containers.js';

let cosmos: RunningCosmos;
let mirror: CosmosMirrorRepository;

beforeAll(async () => {
  cosmos = await startCosmos();
  const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, database: 'test' });
  await ensureCosmosContainers(client, 'test');
  mirror = new CosmosMirrorRepository(client.database('test').container(cosmosContainers.mirror.id));
});
afterAll(() => cosmos.close());

const payment = (id: string, waitingFor: string[]): MirrorRecord => ({
  id,
  entity: 'payment',
  ofId: `of-${id}`,
  ofUpdatedAt: '2026-11-24T10:00:00.000Z',
  parents: [],
  waitingFor,
  record: { id: `of-${id}`, updatedAt: '2026-11-24T10:00:00.000Z', contactId: 'c', amountOre: 29_000, status: 'pending', channel: 'betalingsservice' },
  createdAt: '2026-11-24T10:00:00.000Z',
  updatedAt: '2026-11-24T10:00:00.000Z',
});

describe('CosmosMirrorRepository', () => {
  it('finds the records waiting for a parent, with ETags that allow a conditional replace', async () => {
    await mirror.create(payment('m-1', ['agreement-a', 'person-p']));
    await mirror.create(payment('m-2', ['agreement-b']));
    await mirror.create(payment('m-3', []));
    const waiting = await mirror.findWaitingFor('agreement-a');
    expect(waiting.map((found) => found.value.id)).toEqual(['m-1']);
    expect(await mirror.replace({ ...waiting[0]!.value, waitingFor: ['person-p'] }, waiting[0]!.etag)).toBe('replaced');
    expect(await mirror.findWaitingFor('agreement-a')).toEqual([]);
    expect((await mirror.findWaitingFor('person-p')).map((found) => found.value.id)).toEqual(['m-1']);
  });

  it('finds records the CRM has not got yet, oldest pending first, at most the limit', async () => {
    const pending = (id: string, since: string) => ({ ...payment(id, []), crm: { pending: true, pendingSince: since } });
    await mirror.create(pending('c-2', '2026-11-24T10:02:00.000Z'));
    await mirror.create(pending('c-1', '2026-11-24T10:01:00.000Z'));
    await mirror.create(pending('c-3', '2026-11-24T10:03:00.000Z'));
    await mirror.create({ ...payment('c-done', []), crm: { pending: false, writtenHash: 'x' } });
    const found = await mirror.findCrmPending(2);
    expect(found.map((item) => item.value.id)).toEqual(['c-1', 'c-2']);
    expect(found[0]!.etag).toBeTruthy();
  });
});

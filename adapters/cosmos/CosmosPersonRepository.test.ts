import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../domain/person/Person.js';
import { type RunningCosmos, startCosmos } from '../../local/standins/cosmos.js';
import { CosmosPersonRepository } from './CosmosPersonRepository.js';
import { createCosmosClient } from './cosmosClient.js';
import { cosmosContainers, ensureCosmosContainers } from './containers.js';

let cosmos: RunningCosmos;
let persons: CosmosPersonRepository;

beforeAll(async () => {
  cosmos = await startCosmos();
  const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, database: 'test' });
  await ensureCosmosContainers(client, 'test');
  persons = new CosmosPersonRepository(client.database('test').container(cosmosContainers.persons.id));
});
afterAll(() => cosmos.close());

const person = (id: string, firstName: string): Person => ({
  id,
  firstName,
  lastName: 'Jensen',
  emails: ['anna@example.dk'],
  phones: { primary: '+4522334455' },
  rejectedPhones: [],
  createdAt: '2026-11-24T10:00:00.000Z',
  updatedAt: '2026-11-24T10:00:00.000Z',
});

describe('CosmosPersonRepository', () => {
  it('creates once: a second create with the same id reports that it exists', async () => {
    expect(await persons.create(person('p-1', 'Anna'))).toBe('created');
    expect(await persons.create(person('p-1', 'Other'))).toBe('exists');
    expect((await persons.get('p-1'))?.value.firstName).toBe('Anna');
  });

  it('replaces only under the ETag it read; a stale ETag changes nothing', async () => {
    await persons.create(person('p-2', 'Anna'));
    const read = (await persons.get('p-2'))!;
    expect(await persons.replace(person('p-2', 'Anne'), read.etag)).toBe('replaced');
    expect(await persons.replace(person('p-2', 'Annika'), read.etag)).toBe('stale');
    const stored = (await persons.get('p-2'))!;
    expect(stored.value.firstName).toBe('Anne');
    expect(Object.keys(stored.value).some((key) => key.startsWith('_'))).toBe(false);
  });

  it('answers null for an unknown id', async () => {
    expect(await persons.get('nobody')).toBeNull();
  });
});

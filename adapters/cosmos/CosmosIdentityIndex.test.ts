import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCosmos, startCosmos } from '../../local/standins/cosmos.js';
import { CosmosIdentityIndex } from './CosmosIdentityIndex.js';
import { createCosmosClient } from './cosmosClient.js';
import { cosmosContainers, ensureCosmosContainers } from './containers.js';

let cosmos: RunningCosmos;
let index: CosmosIdentityIndex;

beforeAll(async () => {
  cosmos = await startCosmos();
  const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, database: 'test' });
  await ensureCosmosContainers(client, 'test');
  index = new CosmosIdentityIndex(client.database('test').container(cosmosContainers.identityIndex.id));
});
afterAll(() => cosmos.close());

describe('CosmosIdentityIndex', () => {
  it('[CARE-Dedupe] finds a person under each key it was indexed under, and no longer under a key it lost', async () => {
    await index.indexPerson('p-1', ['email:anna@example.dk', 'phone:+4522334455']);
    await index.indexPerson('p-2', ['phone:+4522334455']);
    expect(await index.lookup(['phone:+4522334455', 'email:anna@example.dk', 'email:nobody@example.dk'])).toEqual(
      new Map([
        ['phone:+4522334455', ['p-1', 'p-2']],
        ['email:anna@example.dk', ['p-1']],
      ]),
    );
    await index.indexPerson('p-1', ['email:anna@example.dk']);
    expect((await index.lookup(['phone:+4522334455'])).get('phone:+4522334455')).toEqual(['p-2']);
  });

  it('[CARE-Dedupe] a first load in bulk lists every loaded person under a shared key, and later changes still apply', async () => {
    const entries = Array.from({ length: 1_200 }, (_, i) => ({ personId: `load-${i}`, keys: [`email:load${i}@example.dk`, `name:jensen|${i % 3}`] }));
    await index.loadFresh(entries);
    const found = await index.lookup(['email:load7@example.dk', 'name:jensen|1']);
    expect(found.get('email:load7@example.dk')).toEqual(['load-7']);
    expect(found.get('name:jensen|1')).toHaveLength(400);
    await index.indexPerson('load-7', ['email:new7@example.dk', 'name:jensen|1']);
    const after = await index.lookup(['email:load7@example.dk', 'email:new7@example.dk']);
    expect(after.has('email:load7@example.dk')).toBe(false);
    expect(after.get('email:new7@example.dk')).toEqual(['load-7']);
  });
});

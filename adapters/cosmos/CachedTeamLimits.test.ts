import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamLimitTable } from '../../domain/consent/TeamLimit.js';
import { type RunningCosmos, startCosmos } from '../../local/standins/cosmos.js';
import { CachedTeamLimits } from './CachedTeamLimits.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';
import { createCosmosClient } from './cosmosClient.js';

let cosmos: RunningCosmos;
let store: CosmosVersionedStore<TeamLimitTable>;

beforeAll(async () => {
  cosmos = await startCosmos();
  const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, database: 'test' });
  const { database } = await client.databases.createIfNotExists({ id: 'test' });
  const { container } = await database.containers.createIfNotExists({ id: 'engine-state', partitionKey: { paths: ['/id'] } });
  store = new CosmosVersionedStore<TeamLimitTable>(container);
});
afterAll(() => cosmos.close());

const table = (team: string): TeamLimitTable => ({ id: 'team-limits', teams: [{ team, description: team, excludedSupporterKinds: [] }], updatedAt: '2026-11-25T10:00:00Z' });

describe('[Brugerrettigheder] the team table cache', () => {
  it('[Brugerrettigheder] reads Cosmos once per period, a save through it is seen at once, and a save elsewhere within the period', async () => {
    let now = 0;
    let reads = 0;
    const counted = { get: (id: string) => (reads++, store.get(id)), save: (value: TeamLimitTable, etag?: string) => store.save(value, etag) };
    const cached = new CachedTeamLimits(counted, 5_000, () => now);
    await cached.save(table('fundraising'));
    expect((await cached.get('team-limits'))?.value.teams[0]!.team).toBe('fundraising');
    await cached.get('team-limits');
    expect(reads).toBe(1);

    const { etag } = (await cached.get('team-limits'))!;
    expect(await cached.save(table('global-contact'), etag)).toBe('saved');
    expect((await cached.get('team-limits'))?.value.teams[0]!.team).toBe('global-contact');

    const elsewhere = (await store.get('team-limits'))!;
    await store.save(table('telemarketing'), elsewhere.etag);
    expect((await cached.get('team-limits'))?.value.teams[0]!.team).toBe('global-contact');
    now = 5_000;
    expect((await cached.get('team-limits'))?.value.teams[0]!.team).toBe('telemarketing');
  });
});

import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { CosmosClient, type PartitionKeyDefinition } from '@azure/cosmos';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { makeStandInQueriesLinear } from './linearCosmosQueries.js';

/** Any well-formed base64 key is accepted by the stand-in; this one is not a secret. */
export const standInCosmosKey = Buffer.from('ms-engine local cosmos stand-in key').toString('base64');

export interface RunningCosmos {
  endpoint: string;
  key: string;
  /** Writes every database, container and item to `file` (the stand-in keeps data in memory only). */
  saveSnapshot(file: string): Promise<void>;
  /** Grows with every write the stand-in is asked to do (queries and reads do not count). */
  writeCount(): number;
  /** Every request so far by kind (a page of a query is one query), for benchmarks to count the work per item. */
  requestCounts(): { reads: number; queries: number; writes: number };
  close(): Promise<void>;
}

interface Snapshot {
  databases: { id: string; containers: { id: string; partitionKey: PartitionKeyDefinition; items: Record<string, unknown>[] }[] }[];
}

/**
 * Starts the Cosmos DB stand-in (`@vercel/cosmosdb-server`) over plain http on a free port and,
 * when `snapshotFile` exists, loads it back in through the real SDK.
 */
export async function startCosmos(options: { host?: string; port?: number; snapshotFile?: string } = {}): Promise<RunningCosmos> {
  makeStandInQueriesLinear();
  // The stand-in closes every connection after one answer unless asked; the SDK keeps them alive.
  const server = createHttpServer({ keepAlive: true });
  // It does not tell clients how long an idle connection lives, so it must not close one: a client
  // reusing it at that moment gets "socket hang up". 0 keeps idle connections until `close`.
  server.keepAliveTimeout = 0;
  let writes = 0;
  let reads = 0;
  let queries = 0;
  server.on('request', (request: { method?: string; headers: Record<string, unknown> }) => {
    if (request.headers['x-ms-documentdb-isquery']) queries++;
    else if (request.method === 'GET' || request.method === 'HEAD') reads++;
    else writes++;
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { address, port } = server.address() as AddressInfo;
  const endpoint = `http://${address}:${port}`;
  const client = standInClient(endpoint);
  if (options.snapshotFile && existsSync(options.snapshotFile)) await loadSnapshot(client, options.snapshotFile);
  return {
    endpoint,
    key: standInCosmosKey,
    saveSnapshot: (file) => saveSnapshot(client, file),
    writeCount: () => writes,
    requestCounts: () => ({ reads, queries, writes }),
    close: async () => {
      client.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Plain http only works with endpoint discovery off (otherwise the SDK follows the account metadata to https). */
function standInClient(endpoint: string): CosmosClient {
  return new CosmosClient({ endpoint, key: standInCosmosKey, connectionPolicy: { enableEndpointDiscovery: false } });
}

async function saveSnapshot(client: CosmosClient, file: string): Promise<void> {
  const snapshot: Snapshot = { databases: [] };
  const { resources: databases } = await client.databases.readAll().fetchAll();
  for (const { id: databaseId } of databases) {
    const database = client.database(databaseId);
    const { resources: containers } = await database.containers.readAll().fetchAll();
    const saved: Snapshot['databases'][number]['containers'] = [];
    for (const definition of containers) {
      const { resources: items } = await database.container(definition.id).items.readAll().fetchAll();
      const partitionKey = definition.partitionKey ?? { paths: ['/id'] };
      saved.push({ id: definition.id, partitionKey, items: items.map(withoutSystemProperties) });
    }
    snapshot.databases.push({ id: databaseId, containers: saved });
  }
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, JSON.stringify(snapshot));
  await rename(temporary, file);
}

async function loadSnapshot(client: CosmosClient, file: string): Promise<void> {
  const snapshot = JSON.parse(await readFile(file, 'utf8')) as Snapshot;
  for (const saved of snapshot.databases) {
    const { database } = await client.databases.createIfNotExists({ id: saved.id });
    for (const container of saved.containers) {
      const created = await database.containers.createIfNotExists({ id: container.id, partitionKey: container.partitionKey });
      for (const item of container.items) await created.container.items.upsert(item);
    }
  }
}

function withoutSystemProperties(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !key.startsWith('_')));
}

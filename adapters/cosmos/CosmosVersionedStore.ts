import type { Container, OperationInput, SqlQuerySpec } from '@azure/cosmos';
import { forEachConcurrently } from '../../domain/shared/forEachConcurrently.js';
import type { Versioned } from '../../domain/person/ports.js';
import { hasStatus, withoutSystemProperties } from './documents.js';

/** Documents handed to one bulk call: bounds the memory a large load holds at once. */
const bulkChunk = 5_000;
/**
 * The SDK's bulk call starts each partition at one request in flight and raises it once a second;
 * a few calls at once reach full speed sooner (measured: 8 calls at once load 3x as fast as one).
 */
const bulkCallsAtOnce = 8;

/**
 * Read, create-once and ETag-conditional replace of documents partitioned by their id. Used as it is
 * for small documents such as job state and the mapping table (container `engine-state`).
 */
export class CosmosVersionedStore<T extends { id: string }> {
  constructor(protected readonly container: Container) {}

  async get(id: string): Promise<Versioned<T> | null> {
    const { resource, etag } = await this.container.item(id, id).read<T & Record<string, unknown>>();
    return resource ? { value: withoutSystemProperties<T>(resource), etag } : null;
  }

  async create(value: T): Promise<'created' | 'exists'> {
    try {
      await this.container.items.create(value);
      return 'created';
    } catch (error) {
      if (hasStatus(error, 409)) return 'exists';
      throw error;
    }
  }

  async replace(value: T, etag: string): Promise<'replaced' | 'stale'> {
    try {
      await this.container.item(value.id, value.id).replace(value, { accessCondition: { type: 'IfMatch', condition: etag } });
      return 'replaced';
    } catch (error) {
      if (hasStatus(error, 412)) return 'stale';
      throw error;
    }
  }

  /** Deletes the document only if unchanged since it was read with `etag`; one already gone counts as deleted. */
  async delete(id: string, etag: string): Promise<'deleted' | 'stale'> {
    try {
      await this.container.item(id, id).delete({ accessCondition: { type: 'IfMatch', condition: etag } });
      return 'deleted';
    } catch (error) {
      if (hasStatus(error, 404)) return 'deleted';
      if (hasStatus(error, 412)) return 'stale';
      throw error;
    }
  }

  /** Creates many documents in bulk, each only if new: answers how many were created and how many existed. */
  async createMany(values: T[]): Promise<{ created: number; existing: number }> {
    if (values.length === 0) return { created: 0, existing: 0 };
    const results = await this.container.items.executeBulkOperations(values.map((value) => ({ operationType: 'Create' as const, partitionKey: value.id, resourceBody: value as T & Record<string, string> })));
    let created = 0;
    let existing = 0;
    const unclear: T[] = [];
    for (const result of results) {
      const status = result.response?.statusCode ?? 500;
      if (status === 201) created++;
      else if (status === 409) existing++;
      else unclear.push((result.operationInput as unknown as { resourceBody: T }).resourceBody);
    }
    // Another status (a throttled or failed operation; the local stand-in answers an existing id so) is settled by a create of its own.
    for (const value of unclear) {
      if ((await this.create(value)) === 'created') created++;
      else existing++;
    }
    return { created, existing };
  }

  /** Without `etag` only creates; with it replaces only if unchanged since. */
  async save(value: T, etag?: string): Promise<'saved' | 'stale'> {
    const outcome = etag === undefined ? await this.create(value) : await this.replace(value, etag);
    return outcome === 'created' || outcome === 'replaced' ? 'saved' : 'stale';
  }

  /**
   * Writes many documents whatever they held before, in bulk: for loading data in, e.g. migrating
   * existing contacts. Throws, naming how many failed, unless all were written.
   */
  async upsertMany(values: T[], partitionKeyOf: (value: T) => string = (value) => value.id): Promise<void> {
    const chunks = Array.from({ length: Math.ceil(values.length / bulkChunk) }, (_, index) => values.slice(index * bulkChunk, (index + 1) * bulkChunk));
    await forEachConcurrently(chunks, bulkCallsAtOnce, (chunk) => this.upsertChunk(chunk, partitionKeyOf));
  }

  private async upsertChunk(values: T[], partitionKeyOf: (value: T) => string): Promise<void> {
    const operations: OperationInput[] = values.map((value) => ({ operationType: 'Upsert', partitionKey: partitionKeyOf(value), resourceBody: value as T & Record<string, string> }));
    const results = await this.container.items.executeBulkOperations(operations);
    const failed = results.filter((result) => result.error !== undefined || (result.response?.statusCode ?? 500) >= 300);
    if (failed.length === 0) return;
    const first = failed[0]!;
    throw new Error(`${failed.length} of ${operations.length} bulk upserts failed, e.g. status ${first.response?.statusCode ?? first.error?.code}: ${first.error?.message ?? ''}`);
  }

  protected async queryVersioned(query: SqlQuerySpec): Promise<Versioned<T>[]> {
    const { resources } = await this.container.items.query<T & Record<string, unknown> & { _etag: string }>(query).fetchAll();
    return resources.map((document) => ({ value: withoutSystemProperties<T>(document), etag: document._etag }));
  }
}

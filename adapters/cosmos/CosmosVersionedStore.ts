import type { Container, SqlQuerySpec } from '@azure/cosmos';
import type { Versioned } from '../../domain/person/ports.js';
import { hasStatus, withoutSystemProperties } from './documents.js';

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

  /** Without `etag` only creates; with it replaces only if unchanged since. */
  async save(value: T, etag?: string): Promise<'saved' | 'stale'> {
    const outcome = etag === undefined ? await this.create(value) : await this.replace(value, etag);
    return outcome === 'created' || outcome === 'replaced' ? 'saved' : 'stale';
  }

  protected async queryVersioned(query: SqlQuerySpec): Promise<Versioned<T>[]> {
    const { resources } = await this.container.items.query<T & Record<string, unknown> & { _etag: string }>(query).fetchAll();
    return resources.map((document) => ({ value: withoutSystemProperties<T>(document), etag: document._etag }));
  }
}

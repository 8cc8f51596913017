import { CosmosVersionedStore } from './CosmosVersionedStore.js';

/** A versioned store of a container that holds one kind of small document, all of which can be listed. */
export class CosmosListedStore<T extends { id: string }> extends CosmosVersionedStore<T> {
  async list(): Promise<T[]> {
    return (await this.queryVersioned({ query: 'SELECT * FROM c ORDER BY c.updatedAt DESC' })).map((stored) => stored.value);
  }
}

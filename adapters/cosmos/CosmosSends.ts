import type { Sends } from '../../domain/sending/ports.js';
import type { Send } from '../../domain/sending/Send.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';

/** Sends (container `sends`). */
export class CosmosSends extends CosmosVersionedStore<Send> implements Sends {
  async due(now: string): Promise<Send[]> {
    const query = { query: "SELECT * FROM c WHERE (c.status = 'planned' OR c.status = 'sending') AND c.scheduledAt <= @now ORDER BY c.scheduledAt", parameters: [{ name: '@now', value: now }] };
    return (await this.queryVersioned(query)).map((stored) => stored.value);
  }

  async recent(limit: number): Promise<Send[]> {
    return (await this.queryVersioned({ query: `SELECT TOP ${Math.trunc(limit)} * FROM c ORDER BY c.createdAt DESC` })).map((stored) => stored.value);
  }
}

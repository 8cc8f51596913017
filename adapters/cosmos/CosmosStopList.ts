import type { Container } from '@azure/cosmos';
import type { StopList, StopListPage } from '../../domain/stoplist/ports.js';
import type { ContactPoints, StopListEntry } from '../../domain/stoplist/StopListEntry.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';
import { hasStatus, withoutSystemProperties } from './documents.js';

/**
 * [StopList] The stop list in Cosmos DB (container `stop-list`), one document per entry, partitioned
 * by id. Matching by phone or email is a query on `c.phone` / `c.email`, which the default indexing
 * policy indexes (ARRAY_CONTAINS over a parameter array is served by the range index).
 */
export class CosmosStopList extends CosmosVersionedStore<StopListEntry> implements StopList {
  constructor(container: Container) {
    super(container);
  }

  async add(entry: StopListEntry): Promise<void> {
    if ((await this.create(entry)) === 'exists') throw new Error(`stop-list entry ${entry.id} exists already`);
  }

  async remove(id: string): Promise<boolean> {
    try {
      await this.container.item(id, id).delete();
      return true;
    } catch (error) {
      if (hasStatus(error, 404)) return false;
      throw error;
    }
  }

  async findByContact(contact: ContactPoints): Promise<StopListEntry[]> {
    if (contact.phones.length === 0 && contact.emails.length === 0) return [];
    const query = {
      query: 'SELECT * FROM c WHERE ARRAY_CONTAINS(@phones, c.phone) OR ARRAY_CONTAINS(@emails, c.email)',
      parameters: [
        { name: '@phones', value: contact.phones },
        { name: '@emails', value: contact.emails },
      ],
    };
    return (await this.queryVersioned(query)).map((stored) => stored.value);
  }

  async list(page: { pageSize: number; continuationToken?: string }): Promise<StopListPage> {
    const response = await this.container.items
      .query<StopListEntry & Record<string, unknown>>('SELECT * FROM c ORDER BY c.addedAt DESC', {
        maxItemCount: page.pageSize,
        ...(page.continuationToken && { continuationToken: page.continuationToken }),
      })
      .fetchNext();
    return {
      entries: response.resources.map((document) => withoutSystemProperties<StopListEntry>(document)),
      ...(response.continuationToken && { continuationToken: response.continuationToken }),
    };
  }
}

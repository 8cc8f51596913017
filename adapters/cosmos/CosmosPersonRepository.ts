import type { Container } from '@azure/cosmos';
import type { Person } from '../../domain/person/Person.js';
import type { ContactChannel } from '../../domain/person/invalidContact.js';
import type { PersonRepository } from '../../domain/person/ports.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';
import { withoutSystemProperties } from './documents.js';

/** Persons in Cosmos DB, one document per person, partitioned by id. Writes are ETag-conditional. */
export class CosmosPersonRepository extends CosmosVersionedStore<Person> implements PersonRepository {
  constructor(container: Container) {
    super(container);
  }

  findFlaggedInvalid(channel: ContactChannel, page: { pageSize: number; continuationToken?: string }): Promise<{ items: Person[]; continuationToken?: string }> {
    // The channel is one of two fixed names, never caller text, so it can be part of the path.
    const query = `SELECT * FROM c WHERE IS_DEFINED(c.invalid.${channel === 'email' ? 'email' : 'phone'}) AND NOT IS_DEFINED(c.mergedInto) ORDER BY c.id`;
    return this.queryPage(query, page);
  }

  listAll(page: { pageSize: number; continuationToken?: string }): Promise<{ items: Person[]; continuationToken?: string }> {
    return this.queryPage('SELECT * FROM c', page);
  }

  private async queryPage(query: string, page: { pageSize: number; continuationToken?: string }): Promise<{ items: Person[]; continuationToken?: string }> {
    const response = await this.container.items
      .query<Person & Record<string, unknown>>(query, { maxItemCount: page.pageSize, ...(page.continuationToken && { continuationToken: page.continuationToken }) })
      .fetchNext();
    return {
      items: response.resources.map((document) => withoutSystemProperties<Person>(document)),
      ...(response.continuationToken && { continuationToken: response.continuationToken }),
    };
  }
}

import type { Container } from '@azure/cosmos';
import type { Person } from '../../domain/person/Person.js';
import type { ContactChannel } from '../../domain/person/invalidContact.js';
import type { PersonRepository } from '../../domain/person/ports.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';
import { queryPage } from './queryPage.js';

/** Persons in Cosmos DB, one document per person, partitioned by id. Writes are ETag-conditional. */
export class CosmosPersonRepository extends CosmosVersionedStore<Person> implements PersonRepository {
  constructor(container: Container) {
    super(container);
  }

  findFlaggedInvalid(channel: ContactChannel, page: { pageSize: number; continuationToken?: string }): Promise<{ items: Person[]; continuationToken?: string }> {
    // The channel is one of two fixed names, never caller text, so it can be part of the path.
    const query = `SELECT * FROM c WHERE IS_DEFINED(c.invalid.${channel === 'email' ? 'email' : 'phone'}) AND NOT IS_DEFINED(c.mergedInto) ORDER BY c.id`;
    return queryPage<Person>(this.container, query, page);
  }

  async findMergedInto(personId: string): Promise<string[]> {
    const query = { query: 'SELECT VALUE c.id FROM c WHERE c.mergedInto = @personId', parameters: [{ name: '@personId', value: personId }] };
    const { resources } = await this.container.items.query<string>(query).fetchAll();
    return resources;
  }

  listAll(page: { pageSize: number; continuationToken?: string }): Promise<{ items: Person[]; continuationToken?: string }> {
    return queryPage<Person>(this.container, 'SELECT * FROM c', page);
  }
}

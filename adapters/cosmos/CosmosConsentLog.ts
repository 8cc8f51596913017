import type { Container } from '@azure/cosmos';
import type { ConsentEntry } from '../../domain/consent/ConsentEntry.js';
import type { ConsentLog } from '../../domain/consent/ports.js';
import { hasStatus, withoutSystemProperties } from './documents.js';

/**
 * [Permission] The consent log in Cosmos DB (container `consent-log`, partitioned by person, so a
 * person's log is read from one partition). Entries are only ever created.
 */
export class CosmosConsentLog implements ConsentLog {
  constructor(private readonly container: Container) {}

  async append(entry: ConsentEntry): Promise<'appended' | 'exists'> {
    try {
      await this.container.items.create(entry);
      return 'appended';
    } catch (error) {
      if (hasStatus(error, 409)) return 'exists';
      throw error;
    }
  }

  async entriesOf(personId: string): Promise<ConsentEntry[]> {
    const query = { query: 'SELECT * FROM c WHERE c.personId = @personId', parameters: [{ name: '@personId', value: personId }] };
    const { resources } = await this.container.items.query<ConsentEntry & Record<string, unknown>>(query, { partitionKey: personId }).fetchAll();
    return resources.map((document) => withoutSystemProperties<ConsentEntry>(document));
  }
}

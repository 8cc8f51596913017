import type { Container } from '@azure/cosmos';
import type { DeadLetter } from '../../domain/deadletters/DeadLetter.js';
import type { DeadLetterPage, DeadLetterStore } from '../../domain/deadletters/ports.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';
import { withoutSystemProperties } from './documents.js';

/** Dead letters in Cosmos DB, partitioned by message id; pages with continuation tokens. */
export class CosmosDeadLetterStore extends CosmosVersionedStore<DeadLetter> implements DeadLetterStore {
  constructor(container: Container) {
    super(container);
  }

  async countByStatus(status: DeadLetter['status']): Promise<number> {
    const query = { query: 'SELECT VALUE COUNT(1) FROM c WHERE c.status = @status', parameters: [{ name: '@status', value: status }] };
    const { resources } = await this.container.items.query<number>(query).fetchAll();
    return resources[0] ?? 0;
  }

  async openAbout(subject: string): Promise<string[]> {
    const query = {
      query: "SELECT VALUE c.id FROM c WHERE c.subject = @subject AND (c.status = 'retrying' OR c.status = 'dead')",
      parameters: [{ name: '@subject', value: subject }],
    };
    const { resources } = await this.container.items.query<string>(query).fetchAll();
    return resources;
  }

  async listByStatus(status: DeadLetter['status'], page: { pageSize: number; continuationToken?: string }): Promise<DeadLetterPage> {
    const query = {
      query: 'SELECT * FROM c WHERE c.status = @status ORDER BY c.lastFailedAt DESC',
      parameters: [{ name: '@status', value: status }],
    };
    const response = await this.container.items
      .query<DeadLetter & Record<string, unknown>>(query, {
        maxItemCount: page.pageSize,
        ...(page.continuationToken && { continuationToken: page.continuationToken }),
      })
      .fetchNext();
    return {
      items: response.resources.map((item) => withoutSystemProperties<DeadLetter>(item)),
      ...(response.continuationToken && { continuationToken: response.continuationToken }),
    };
  }
}

import type { Container } from '@azure/cosmos';
import type { AuditEntry, AuditPage } from '../../domain/audit/AuditEntry.js';
import type { AuditLog } from '../../domain/audit/ports.js';
import { withoutSystemProperties } from './documents.js';

/**
 * [KomMed-GDPR] The audit log in Cosmos DB (container `audit-log`, partitioned by day). Entries are
 * created, never replaced: `create` fails rather than overwrite, and nothing here updates or deletes.
 */
export class CosmosAuditLog implements AuditLog {
  constructor(private readonly container: Container) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.container.items.create(entry);
  }

  async find(filter: { personId: string } | { actorId: string }, page: { pageSize: number; continuationToken?: string }): Promise<AuditPage> {
    const query =
      'personId' in filter
        ? { query: 'SELECT * FROM c WHERE ARRAY_CONTAINS(c.personIds, @id) ORDER BY c.at DESC', parameters: [{ name: '@id', value: filter.personId }] }
        : { query: 'SELECT * FROM c WHERE c.actor.id = @id ORDER BY c.at DESC', parameters: [{ name: '@id', value: filter.actorId }] };
    const response = await this.container.items
      .query<AuditEntry & Record<string, unknown>>(query, { maxItemCount: page.pageSize, ...(page.continuationToken && { continuationToken: page.continuationToken }) })
      .fetchNext();
    return {
      entries: response.resources.map((document) => withoutSystemProperties<AuditEntry>(document)),
      ...(response.continuationToken && { continuationToken: response.continuationToken }),
    };
  }
}

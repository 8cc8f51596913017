import type { Container } from '@azure/cosmos';
import type { FormSubmissionRecord } from '../../domain/forms/FormSubmissionRecord.js';
import type { FormSubmissionRecords } from '../../domain/forms/ports.js';
import { hasStatus, withoutSystemProperties } from './documents.js';

/** Processed form submissions in Cosmos DB (container `form-submissions`, partitioned by id). */
export class CosmosFormSubmissionRecords implements FormSubmissionRecords {
  constructor(private readonly container: Container) {}

  async save(record: FormSubmissionRecord): Promise<void> {
    await this.container.items.upsert(record);
  }

  async get(id: string): Promise<FormSubmissionRecord | null> {
    try {
      const { resource } = await this.container.item(id, id).read<FormSubmissionRecord & Record<string, unknown>>();
      return resource ? withoutSystemProperties<FormSubmissionRecord>(resource) : null;
    } catch (error) {
      if (hasStatus(error, 404)) return null;
      throw error;
    }
  }

  async ofPerson(personId: string): Promise<FormSubmissionRecord[]> {
    const query = { query: 'SELECT * FROM c WHERE c.personId = @personId ORDER BY c.submittedAt', parameters: [{ name: '@personId', value: personId }] };
    const { resources } = await this.container.items.query<FormSubmissionRecord & Record<string, unknown>>(query).fetchAll();
    return resources.map((document) => withoutSystemProperties<FormSubmissionRecord>(document));
  }
}

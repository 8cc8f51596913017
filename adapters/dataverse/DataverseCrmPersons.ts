import type { Person } from '../../domain/person/Person.js';
import type { CrmPersons } from '../../domain/person/ports.js';
import type { DataverseClient } from './DataverseClient.js';
import { accountColumns, contactColumns, primaryContactColumns } from './personColumns.js';

/**
 * The CRM port on Dataverse: a person is the `contact` row with the person's id, a company the
 * `account` row with the company's id. Every step is an upsert by id, so when a step fails and the
 * queue runs the whole write again, it finishes the job without a second row.
 */
export class DataverseCrmPersons implements CrmPersons {
  constructor(private readonly client: DataverseClient) {}

  async upsertPerson(person: Person): Promise<void> {
    const { company } = person;
    // The account must exist before the contact can point at it, and the contact before the account can point back.
    if (company) await this.client.upsert('accounts', company.id, accountColumns(company));
    await this.client.upsert('contacts', person.id, contactColumns(person));
    if (company) await this.client.update('accounts', company.id, primaryContactColumns(person));
  }
}

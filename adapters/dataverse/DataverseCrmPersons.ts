import type { Person } from '../../domain/person/Person.js';
import type { CrmPersons } from '../../domain/person/ports.js';
import { HttpError } from '../http/HttpError.js';
import type { DataverseClient } from './DataverseClient.js';
import { accountColumns, contactColumns, contactMergeParameters, primaryContactColumns } from './personColumns.js';

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

  /**
   * [OnlineFundraising13] Dataverse's Merge action: the merged person's contact is deactivated,
   * marked merged into the survivor's, and its related rows move to the survivor's contact.
   *
   * Repeating it is harmless. Dataverse refuses to merge a contact that is inactive (400), so when
   * the Merge is refused (400 or 404) the merged contact is read: already merged into the survivor
   * → done (an earlier attempt did it, maybe one whose answer was lost); not in the CRM at all →
   * done, there is nothing to merge (the person never reached the CRM, or staff deleted the
   * contact). Anything else (survivor missing, merged into another contact, deactivated by staff)
   * is thrown as the HttpError, for the queue to retry or dead-letter.
   */
  async mergePersons(survivorPersonId: string, mergedPersonId: string): Promise<void> {
    if (survivorPersonId.toLowerCase() === mergedPersonId.toLowerCase()) return;
    try {
      await this.client.executeAction('Merge', contactMergeParameters(survivorPersonId, mergedPersonId));
    } catch (error) {
      if (!(error instanceof HttpError) || (error.status !== 400 && error.status !== 404)) throw error;
      const merged = await this.client.retrieve('contacts', mergedPersonId, ['merged', '_masterid_value']);
      if (merged === null) return;
      const mergedInto = typeof merged['_masterid_value'] === 'string' ? merged['_masterid_value'].toLowerCase() : undefined;
      if (merged['merged'] === true && mergedInto === survivorPersonId.toLowerCase()) return;
      throw error;
    }
  }
}

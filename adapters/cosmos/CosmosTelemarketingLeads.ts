import type { TelemarketingLeads } from '../../domain/telemarketing/ports.js';
import type { TelemarketingLead } from '../../domain/telemarketing/TelemarketingLead.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';

/** Persons looked up in one query: keeps each query's parameters small. */
const personsPerQuery = 200;

/**
 * [Leadflow] The leads handed to telemarketing (container `telemarketing-leads`, partitioned by id, so
 * a lead is a point read). A person's leads and a file's leads are cross-partition queries.
 */
export class CosmosTelemarketingLeads extends CosmosVersionedStore<TelemarketingLead> implements TelemarketingLeads {
  async ofPersons(personIds: string[]): Promise<TelemarketingLead[]> {
    const leads: TelemarketingLead[] = [];
    for (let start = 0; start < personIds.length; start += personsPerQuery) {
      const query = { query: 'SELECT * FROM c WHERE ARRAY_CONTAINS(@personIds, c.personId)', parameters: [{ name: '@personIds', value: personIds.slice(start, start + personsPerQuery) }] };
      leads.push(...(await this.queryVersioned(query)).map((stored) => stored.value));
    }
    return leads;
  }

  async ofFile(fileId: string): Promise<TelemarketingLead[]> {
    const query = { query: 'SELECT * FROM c WHERE c.fileId = @fileId', parameters: [{ name: '@fileId', value: fileId }] };
    return (await this.queryVersioned(query)).map((stored) => stored.value);
  }

  async ofAgreement(ofAgreementId: string): Promise<TelemarketingLead[]> {
    const query = { query: 'SELECT * FROM c WHERE c.dialer.ofAgreementId = @id OR c.response.ofAgreementId = @id', parameters: [{ name: '@id', value: ofAgreementId }] };
    return (await this.queryVersioned(query)).map((stored) => stored.value);
  }
}

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
  async createMany(leads: TelemarketingLead[]): Promise<{ created: number; existing: number }> {
    if (leads.length === 0) return { created: 0, existing: 0 };
    const results = await this.container.items.executeBulkOperations(leads.map((lead) => ({ operationType: 'Create' as const, partitionKey: lead.id, resourceBody: lead as TelemarketingLead & Record<string, string> })));
    let created = 0;
    let existing = 0;
    for (const result of results) {
      const status = result.response?.statusCode ?? 500;
      if (status === 201) created++;
      else if (status === 409) existing++;
      else throw new Error(`recording a lead failed with status ${status}: ${result.error?.message ?? ''}`);
    }
    return { created, existing };
  }

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

  async personsWithOutcome(campaignId: string, outcome: TelemarketingLead['outcome']): Promise<string[]> {
    const query = { query: 'SELECT VALUE c.personId FROM c WHERE c.campaignId = @campaignId AND c.outcome = @outcome', parameters: [{ name: '@campaignId', value: campaignId }, { name: '@outcome', value: outcome ?? '' }] };
    const { resources } = await this.container.items.query<string>(query).fetchAll();
    return [...new Set(resources)];
  }
}

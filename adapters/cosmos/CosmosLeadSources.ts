import type { Container } from '@azure/cosmos';
import type { Signature } from '../../domain/signatures/Signature.js';
import type { LeadSources } from '../../domain/telemarketing/ports.js';
import { withoutSystemProperties } from './documents.js';

/** [Leadflow] Where leads come from: the petition signatures (container `signatures`, one partition per petition). */
export class CosmosLeadSources implements LeadSources {
  constructor(private readonly container: Container) {}

  async signatures(petitionIds: string[], field: 'recordedAt' | 'signedAt', from: string, to: string): Promise<Signature[]> {
    if (petitionIds.length === 0) return [];
    // The field is one of two fixed names (never input), so it is written into the query.
    const query = {
      query: `SELECT * FROM c WHERE ARRAY_CONTAINS(@petitionIds, c.petitionId) AND c.${field} >= @from AND c.${field} < @to AND NOT IS_DEFINED(c.withdrawnAt)`,
      parameters: [
        { name: '@petitionIds', value: petitionIds },
        { name: '@from', value: from },
        { name: '@to', value: to },
      ],
    };
    const { resources } = await this.container.items.query<Signature & Record<string, unknown>>(query).fetchAll();
    return resources.map((document) => withoutSystemProperties<Signature>(document));
  }
}

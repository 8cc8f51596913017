import type { Container } from '@azure/cosmos';
import type { AnonymisationCandidate, AnonymisationCandidates } from '../../domain/anonymisation/AnonymisationCandidate.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';
import { queryPage } from './queryPage.js';

/** [CARE-Anon] The schedule's candidates in Cosmos DB (container `anonymisation-candidates`, one document per person). */
export class CosmosAnonymisationCandidates extends CosmosVersionedStore<AnonymisationCandidate> implements AnonymisationCandidates {
  constructor(container: Container) {
    super(container);
  }

  list(query: { status?: AnonymisationCandidate['status']; pageSize: number; continuationToken?: string }): Promise<{ items: AnonymisationCandidate[]; continuationToken?: string }> {
    const where = query.status ? 'WHERE c.status = @status' : '';
    const spec = { query: `SELECT * FROM c ${where} ORDER BY c.anonymiseOn`, parameters: query.status ? [{ name: '@status', value: query.status }] : [] };
    return queryPage<AnonymisationCandidate>(this.container, spec, { pageSize: query.pageSize, ...(query.continuationToken && { continuationToken: query.continuationToken }) });
  }
}

import type { Container } from '@azure/cosmos';
import type { SegmentMembers } from '../../domain/dunning/ports.js';
import type { SegmentMember } from '../../domain/dunning/SegmentMember.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';
import { queryPage, queryPages } from './queryPage.js';

const keysPageSize = 10_000;

/**
 * [CampaignAutomation6] Group members as each run found them (container `segment-members`, one
 * partition per run, so a run's members are read from one partition and an old run can be dropped whole).
 */
export class CosmosSegmentMembers implements SegmentMembers {
  private readonly bulk: CosmosVersionedStore<SegmentMember & { runId: string }>;

  constructor(private readonly container: Container) {
    this.bulk = new CosmosVersionedStore(container);
  }

  saveAll(members: SegmentMember[]): Promise<void> {
    return this.bulk.upsertMany(members, (member) => member.runId);
  }

  async memberKeys(runId: string): Promise<Set<string>> {
    const keys = new Set<string>();
    const query = { query: 'SELECT c.personId FROM c WHERE c.runId = @runId', parameters: [{ name: '@runId', value: runId }] };
    for await (const page of queryPages<{ personId: string }>(this.container, query, keysPageSize, runId)) for (const { personId } of page) keys.add(personId);
    return keys;
  }

  page(runId: string, group: string, page: { pageSize: number; continuationToken?: string; cancelledFrom?: string; cancelledTo?: string }) {
    const conditions = ['c.runId = @runId', 'c["group"] = @group', ...(page.cancelledFrom ? ['c.cancelledOn >= @from'] : []), ...(page.cancelledTo ? ['c.cancelledOn <= @to'] : [])];
    const parameters = [{ name: '@runId', value: runId }, { name: '@group', value: group }, ...(page.cancelledFrom ? [{ name: '@from', value: page.cancelledFrom }] : []), ...(page.cancelledTo ? [{ name: '@to', value: page.cancelledTo }] : [])];
    const query = { query: `SELECT * FROM c WHERE ${conditions.join(' AND ')} ORDER BY c.personId`, parameters };
    return queryPage<SegmentMember>(this.container, query, page, runId);
  }
}

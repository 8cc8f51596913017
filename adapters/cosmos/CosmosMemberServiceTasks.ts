import type { MemberServiceTask } from '../../domain/telemarketing/MemberServiceTask.js';
import type { MemberServiceTasks } from '../../domain/telemarketing/ports.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';

/** [Dialer4] Member service's tasks (container `member-service-tasks`, partitioned by id). */
export class CosmosMemberServiceTasks extends CosmosVersionedStore<MemberServiceTask> implements MemberServiceTasks {
  async recent(limit: number, filter: { personId?: string; unlinked?: boolean } = {}): Promise<MemberServiceTask[]> {
    const where = filter.personId ? 'WHERE c.personId = @personId' : filter.unlinked ? 'WHERE NOT IS_DEFINED(c.personId)' : '';
    const query = { query: `SELECT TOP ${Math.trunc(limit)} * FROM c ${where} ORDER BY c.recordedAt DESC`, parameters: filter.personId ? [{ name: '@personId', value: filter.personId }] : [] };
    return (await this.queryVersioned(query)).map((stored) => stored.value);
  }
}

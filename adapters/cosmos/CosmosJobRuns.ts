import type { Container } from '@azure/cosmos';
import type { JobRun } from '../../domain/jobs/JobRun.js';
import type { JobRuns } from '../../domain/jobs/ports.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';

/** Job runs (container `job-runs`, partitioned by id; a few a day, so listing queries are cheap). */
export class CosmosJobRuns extends CosmosVersionedStore<JobRun> implements JobRuns {
  constructor(container: Container) {
    super(container);
  }

  async recent(limit: number, job?: string): Promise<JobRun[]> {
    const query = job
      ? { query: 'SELECT TOP @limit * FROM c WHERE c.job = @job ORDER BY c.queuedAt DESC', parameters: [{ name: '@limit', value: limit }, { name: '@job', value: job }] }
      : { query: 'SELECT TOP @limit * FROM c ORDER BY c.queuedAt DESC', parameters: [{ name: '@limit', value: limit }] };
    return (await this.queryVersioned(query)).map((stored) => stored.value);
  }

  async lastCompletedBefore(job: string, forDate: string): Promise<JobRun | null> {
    const query = {
      query: "SELECT TOP 1 * FROM c WHERE c.job = @job AND c.status = 'completed' AND c.forDate < @forDate ORDER BY c.finishedAt DESC",
      parameters: [{ name: '@job', value: job }, { name: '@forDate', value: forDate }],
    };
    return (await this.queryVersioned(query))[0]?.value ?? null;
  }
}

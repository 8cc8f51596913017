import type { Versioned } from '../person/ports.js';
import type { JobRun } from './JobRun.js';

/** Port: job runs. Writes are create-once or ETag-conditional. */
export interface JobRuns {
  get(id: string): Promise<Versioned<JobRun> | null>;
  save(run: JobRun, etag?: string): Promise<'saved' | 'stale'>;
  /** The most recent runs first, of one job or of all. */
  recent(limit: number, job?: string): Promise<JobRun[]>;
  /** The last completed run of a job before `forDate`, if any. */
  lastCompletedBefore(job: string, forDate: string): Promise<JobRun | null>;
}

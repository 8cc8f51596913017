import type { Clock } from '../shared/Clock.js';
import type { Logger } from '../shared/Logger.js';
import { NotFoundError } from '../shared/errors.js';
import { UnknownJobError } from './errors.js';
import type { Job, JobRun } from './JobRun.js';
import type { JobRuns } from './ports.js';

export interface ExecuteJobPorts {
  jobs: readonly Job[];
  jobRuns: JobRuns;
  clock: Clock;
  logger: Logger;
}

/**
 * Runs a queued job run and records how it went. A completed run is not run again; a failed one
 * is run again when its message is retried (jobs are written to be safe to repeat).
 */
export async function executeJobRun(runId: string, ports: ExecuteJobPorts): Promise<JobRun> {
  const stored = await ports.jobRuns.get(runId);
  if (!stored) throw new NotFoundError(`no job run ${runId}`);
  if (stored.value.status === 'completed') return stored.value;
  const job = ports.jobs.find((candidate) => candidate.name === stored.value.job);
  if (!job) throw new UnknownJobError(`no job ${stored.value.job}`);
  const startedAt = ports.clock.now();
  let run: JobRun = { ...stored.value, status: 'running', startedAt: startedAt.toISOString(), attempts: stored.value.attempts + 1 };
  const { error: _cleared, ...running } = run;
  run = running;
  await save(run, ports);
  try {
    const counts = await job.run({
      run,
      progress: (done, unit, total) => {
        // Kept on the run, so the finished run still says how far it got.
        run = { ...run, progress: { done, unit, ...(total !== undefined && { total }) } };
        return save(run, ports);
      },
    });
    const finished = finish(run, startedAt, ports.clock, { status: 'completed', counts });
    await save(finished, ports);
    ports.logger.info('job run completed', { job: job.name, runId, durationMs: finished.durationMs, ...counts });
    return finished;
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    await save(finish(run, startedAt, ports.clock, { status: 'failed', error: message }), ports);
    ports.logger.error('job run failed', { job: job.name, runId, error: message });
    throw error;
  }
}

function finish(run: JobRun, startedAt: Date, clock: Clock, outcome: Pick<JobRun, 'status' | 'counts' | 'error'>): JobRun {
  const finishedAt = clock.now();
  return { ...run, ...outcome, finishedAt: finishedAt.toISOString(), durationMs: finishedAt.getTime() - startedAt.getTime() };
}

/** The run's record is only ever written by its own execution, so the last write wins. */
async function save(run: JobRun, ports: { jobRuns: JobRuns }): Promise<void> {
  const stored = await ports.jobRuns.get(run.id);
  await ports.jobRuns.save(run, stored?.etag);
}

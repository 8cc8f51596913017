import type { WorkQueue } from '../messaging/WorkItem.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import { UnknownJobError } from './errors.js';
import type { Job, JobRun } from './JobRun.js';
import type { JobRuns } from './ports.js';

export interface StartJobPorts {
  jobs: readonly Job[];
  jobRuns: JobRuns;
  jobQueue: WorkQueue;
  ids: Ids;
  clock: Clock;
}

export const jobRunKind = 'job-run';

/**
 * Queues a run of the job. A scheduled run has one id per job and day (or per `slot`, e.g. an hour,
 * for jobs run more often), so a timer firing twice starts one run; staff asking start a new run
 * each time.
 */
export async function startJobRun(
  name: string,
  trigger: { kind: 'schedule'; slot?: string } | { kind: 'staff'; requestedBy: string },
  ports: StartJobPorts,
  parameters?: Record<string, string>,
  /** A staff run's id when the caller had to name it beforehand (a record that points at the run). */
  staffRunId?: string,
): Promise<JobRun> {
  if (!ports.jobs.some((job) => job.name === name)) throw new UnknownJobError(`no job ${name}; the jobs are ${ports.jobs.map((job) => job.name).join(', ')}`);
  const now = ports.clock.now();
  const forDate = copenhagenDateOf(now);
  const id = trigger.kind === 'schedule' ? ports.ids.fromKey(`job-run:${name}:${trigger.slot ?? forDate}`) : (staffRunId ?? ports.ids.random());
  const run: JobRun = {
    id,
    job: name,
    forDate,
    trigger: trigger.kind,
    ...(trigger.kind === 'staff' && { requestedBy: trigger.requestedBy }),
    ...(parameters && { parameters }),
    status: 'queued',
    queuedAt: now.toISOString(),
    attempts: 0,
  };
  if ((await ports.jobRuns.save(run)) === 'stale') return (await ports.jobRuns.get(id))?.value ?? run;
  await ports.jobQueue.enqueue({ messageId: id, kind: jobRunKind, body: { runId: id }, enqueuedAt: run.queuedAt });
  return run;
}

import { z } from 'zod';
import { type ExecuteJobPorts, executeJobRun } from '../../domain/jobs/executeJobRun.js';
import { jobRunKind } from '../../domain/jobs/startJobRun.js';
import type { QueueFunction } from './QueueFunction.js';
import { queueNames } from './queueNames.js';
import { type FailureTrackingDeps, withFailureTracking } from './withFailureTracking.js';

const jobRunItem = z.object({ messageId: z.string().min(1), kind: z.literal(jobRunKind), body: z.object({ runId: z.string().min(1) }), enqueuedAt: z.string() });

/** Runs the queued runs of scheduled jobs (started by their timers or by staff). */
export function jobRunsFunction(deps: ExecuteJobPorts & FailureTrackingDeps): QueueFunction {
  const queueName = queueNames.jobRuns;
  return {
    name: 'jobRuns',
    queueName,
    handle: withFailureTracking(
      queueName,
      async (message) => {
        await executeJobRun(jobRunItem.parse(message).body.runId, deps);
      },
      deps,
    ),
  };
}

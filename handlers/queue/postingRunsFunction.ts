import { z } from 'zod';
import { type PostingRunPorts, type StepLimits, continuePostingRun } from '../../domain/bookkeeping/continuePostingRun.js';
import { postingRunStepKind } from '../../domain/bookkeeping/startPostingRun.js';
import type { QueueFunction } from './QueueFunction.js';
import { queueNames } from './queueNames.js';
import { type FailureTrackingDeps, withFailureTracking } from './withFailureTracking.js';

const postingRunStepItem = z.object({
  messageId: z.string().min(1),
  kind: z.literal(postingRunStepKind),
  body: z.object({ runId: z.string().min(1), attempt: z.number().int().positive(), step: z.number().int().positive() }),
  enqueuedAt: z.string(),
});

/** [Bogføring] Does the steps of posting runs, one message per step; a failed step is retried from the stored state. */
export function postingRunsFunction(deps: PostingRunPorts & FailureTrackingDeps & { stepLimits?: StepLimits }): QueueFunction {
  const queueName = queueNames.postingRuns;
  return {
    name: 'postingRuns',
    queueName,
    handle: withFailureTracking(
      queueName,
      async (message) => {
        const { body } = postingRunStepItem.parse(message);
        await continuePostingRun(body, deps, deps.stepLimits);
      },
      deps,
    ),
  };
}

import { z } from 'zod';
import { type MergeRequestPorts, carryOutMergeRequest } from '../../domain/identity/carryOutMergeRequest.js';
import { personMergeKind } from '../../domain/identity/requestMerge.js';
import type { QueueFunction } from './QueueFunction.js';
import { queueNames } from './queueNames.js';
import { type FailureTrackingDeps, withFailureTracking } from './withFailureTracking.js';

const personMergeWorkItem = z.object({
  messageId: z.string().min(1),
  kind: z.literal(personMergeKind),
  body: z.object({
    survivorPersonId: z.string().min(1),
    mergedPersonId: z.string().min(1),
    origin: z.enum(['engine', 'crm']),
    requestedBy: z.string().min(1),
  }),
  enqueuedAt: z.string(),
});

/** [OnlineFundraising13] Carries out queued merges of two persons. */
export function personMergesFunction(deps: MergeRequestPorts & FailureTrackingDeps): QueueFunction {
  const queueName = queueNames.personMerges;
  return {
    name: 'personMerges',
    queueName,
    handle: withFailureTracking(
      queueName,
      async (message) => {
        const { body } = personMergeWorkItem.parse(message);
        await carryOutMergeRequest(body, deps);
      },
      deps,
    ),
  };
}

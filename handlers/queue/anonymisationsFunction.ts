import { z } from 'zod';
import { type ContinueAnonymisationPorts, continueAnonymisation } from '../../domain/anonymisation/continueAnonymisation.js';
import { anonymisationKind } from '../../domain/anonymisation/startAnonymisation.js';
import type { QueueFunction } from './QueueFunction.js';
import { queueNames } from './queueNames.js';
import { type FailureTrackingDeps, withFailureTracking } from './withFailureTracking.js';

const anonymisationItem = z.looseObject({ messageId: z.string().min(1), kind: z.literal(anonymisationKind), body: z.object({ personId: z.string().min(1) }) });

/** [GDPR1] Finishes started anonymisations; a failing outside system is retried with backoff, then dead-lettered for replay. */
export function anonymisationsFunction(deps: ContinueAnonymisationPorts & FailureTrackingDeps): QueueFunction {
  const queueName = queueNames.anonymisations;
  return {
    name: 'anonymisations',
    queueName,
    handle: withFailureTracking(
      queueName,
      async (message) => {
        await continueAnonymisation(anonymisationItem.parse(message).body.personId, deps);
      },
      deps,
    ),
  };
}

import { z } from 'zod';
import { dialerNotificationKind } from '../../domain/telemarketing/DialerNotification.js';
import { type CallOutcomePorts, recordCallOutcome } from '../../domain/telemarketing/recordCallOutcome.js';
import { type DialerTaskPorts, recordDialerTask } from '../../domain/telemarketing/recordDialerTask.js';
import type { QueueFunction } from './QueueFunction.js';
import { queueNames } from './queueNames.js';
import { type FailureTrackingDeps, withFailureTracking } from './withFailureTracking.js';

const item = z.looseObject({
  messageId: z.string().min(1),
  kind: z.literal(dialerNotificationKind),
  body: z.object({ id: z.string(), type: z.enum(['lead.closed', 'task.created']), dialerLeadId: z.string().optional(), taskId: z.string().optional() }),
});

/**
 * [Dialer4][Dialer5] Records what HeroBase notified: a closed lead's outcome, or a member-service
 * task. Failures (an unknown lead, HeroBase unreachable) retry, then dead-letter for replay.
 */
export function dialerNotificationsFunction(deps: CallOutcomePorts & DialerTaskPorts & FailureTrackingDeps): QueueFunction {
  const queueName = queueNames.dialerNotifications;
  return {
    name: 'dialerNotifications',
    queueName,
    handle: withFailureTracking(
      queueName,
      async (message) => {
        const { body } = item.parse(message);
        if (body.type === 'lead.closed' && body.dialerLeadId) await recordCallOutcome(body.dialerLeadId, deps);
        if (body.type === 'task.created' && body.taskId) await recordDialerTask(body.taskId, deps);
      },
      deps,
    ),
  };
}

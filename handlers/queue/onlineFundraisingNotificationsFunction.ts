import {
  type ProcessNotificationPorts,
  processOnlineFundraisingNotification,
} from '../../domain/onlinefundraising/processOnlineFundraisingNotification.js';
import type { QueueFunction } from './QueueFunction.js';
import { onlineFundraisingWorkItemSchema } from './onlineFundraisingNotificationSchema.js';
import { queueNames } from './queueNames.js';
import { type FailureTrackingDeps, withFailureTracking } from './withFailureTracking.js';

/** Processes queued OF notifications: validate the work item, run the use case. */
export function onlineFundraisingNotificationsFunction(deps: ProcessNotificationPorts & FailureTrackingDeps): QueueFunction {
  const queueName = queueNames.onlineFundraisingNotifications;
  return {
    name: 'onlineFundraisingNotifications',
    queueName,
    handle: withFailureTracking(
      queueName,
      async (message) => {
        const item = onlineFundraisingWorkItemSchema.parse(message);
        await processOnlineFundraisingNotification(item.body, deps);
      },
      deps,
    ),
  };
}

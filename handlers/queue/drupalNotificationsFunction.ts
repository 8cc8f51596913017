import { type DrupalSubmissionPorts, processDrupalSubmission } from '../../domain/forms/processDrupalSubmission.js';
import { drupalWorkItemSchema } from './drupalNotificationSchema.js';
import type { QueueFunction } from './QueueFunction.js';
import { queueNames } from './queueNames.js';
import { type FailureTrackingDeps, withFailureTracking } from './withFailureTracking.js';

/** [OnlineFundraising15] Processes queued Drupal webform notifications. */
export function drupalNotificationsFunction(deps: DrupalSubmissionPorts & FailureTrackingDeps): QueueFunction {
  const queueName = queueNames.drupalNotifications;
  return {
    name: 'drupalNotifications',
    queueName,
    handle: withFailureTracking(
      queueName,
      async (message) => {
        const { body } = drupalWorkItemSchema.parse(message);
        await processDrupalSubmission(body, deps);
      },
      deps,
    ),
  };
}

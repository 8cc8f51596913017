import type { WorkQueue } from '../messaging/WorkItem.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import { type DrupalNotification, drupalNotificationKind } from './DrupalNotification.js';
import { drupalForm } from './drupalForms.js';
import type { DrupalFormStore } from './ports.js';

/**
 * [OnlineFundraising15] A verified notification from Drupal is queued for processing, never done
 * inline; one for a form the engine has no settings for is refused (UnknownFormError) and nothing
 * is queued.
 */
export async function acceptDrupalNotification(
  notification: DrupalNotification,
  ports: { inbox: WorkQueue; drupalForms: DrupalFormStore; ids: Ids; clock: Clock },
): Promise<{ messageId: string }> {
  await drupalForm(notification.formId, ports);
  const messageId = ports.ids.fromKey(`drupal-notification:${notification.notificationId}`);
  await ports.inbox.enqueue({ messageId, kind: drupalNotificationKind, body: notification, enqueuedAt: ports.clock.now().toISOString() });
  return { messageId };
}

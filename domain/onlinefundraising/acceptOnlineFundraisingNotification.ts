import type { WorkQueue } from '../messaging/WorkItem.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import { type OnlineFundraisingNotification, onlineFundraisingNotificationKind } from './OnlineFundraisingNotification.js';

/**
 * [OnlineFundraising1] A verified notification from OF is queued for processing, never done inline.
 * The message id derives from OF's notification id, so OF re-sending the same notification is
 * recognisable in logs and dead letters.
 */
export async function acceptOnlineFundraisingNotification(
  notification: OnlineFundraisingNotification,
  ports: { inbox: WorkQueue; ids: Ids; clock: Clock },
  options: { repairs?: boolean } = {},
): Promise<{ messageId: string }> {
  const messageId = ports.ids.fromKey(`onlinefundraising-notification:${notification.notificationId}`);
  await ports.inbox.enqueue({
    messageId,
    kind: onlineFundraisingNotificationKind,
    body: notification,
    enqueuedAt: ports.clock.now().toISOString(),
    subject: `of:${notification.entity}:${notification.entityId}`,
    ...(options.repairs && { repairs: true }),
  });
  return { messageId };
}

import { z } from 'zod';
import { onlineFundraisingNotificationSchema as wireSchema } from '../../adapters/onlinefundraising/notification.js';
import { onlineFundraisingNotificationKind } from '../../domain/onlinefundraising/OnlineFundraisingNotification.js';

/** OF's notification as the webhook accepts it (any of the seven core entities). */
export const onlineFundraisingNotificationSchema = wireSchema;

/** The same notification as a queued work item. */
export const onlineFundraisingWorkItemSchema = z.object({
  messageId: z.string().min(1),
  kind: z.literal(onlineFundraisingNotificationKind),
  body: onlineFundraisingNotificationSchema,
  enqueuedAt: z.iso.datetime({ offset: true }),
});

import { z } from 'zod';
import { onlineFundraisingNotificationSchema as wireSchema } from '../../adapters/onlinefundraising/notification.js';
import {
  onlineFundraisingNotificationKind,
  processedOnlineFundraisingEntities,
} from '../../domain/onlinefundraising/OnlineFundraisingNotification.js';

/** OF's notification as the webhook accepts it: OF's wire format, for the entities the engine processes. */
export const onlineFundraisingNotificationSchema = wireSchema.extend({
  entity: z.enum(processedOnlineFundraisingEntities),
});

/** The same notification as a queued work item. */
export const onlineFundraisingWorkItemSchema = z.object({
  messageId: z.string().min(1),
  kind: z.literal(onlineFundraisingNotificationKind),
  body: onlineFundraisingNotificationSchema,
  enqueuedAt: z.iso.datetime({ offset: true }),
});

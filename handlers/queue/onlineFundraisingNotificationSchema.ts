import { z } from 'zod';
import {
  onlineFundraisingNotificationKind,
  processedOnlineFundraisingEntities,
} from '../../domain/onlinefundraising/OnlineFundraisingNotification.js';

/** OF's notification body, as it arrives at the webhook. */
export const onlineFundraisingNotificationSchema = z.object({
  notificationId: z.string().min(1).max(100),
  entity: z.enum(processedOnlineFundraisingEntities),
  entityId: z.string().min(1).max(100),
  event: z.enum(['created', 'updated']),
  occurredAt: z.iso.datetime({ offset: true }),
});

/** The same notification as a queued work item. */
export const onlineFundraisingWorkItemSchema = z.object({
  messageId: z.string().min(1),
  kind: z.literal(onlineFundraisingNotificationKind),
  body: onlineFundraisingNotificationSchema,
  enqueuedAt: z.iso.datetime({ offset: true }),
});

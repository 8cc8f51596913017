import { z } from 'zod';
import { drupalNotificationKind } from '../../domain/forms/DrupalNotification.js';

/** Drupal's notification as the webhook accepts it. */
export const drupalNotificationSchema = z.object({
  notificationId: z.string().min(1).max(200),
  formId: z.string().regex(/^[a-z0-9_]{1,64}$/, "a webform machine name: lower case a-z, 0-9 and _"),
  submissionId: z.string().regex(/^[0-9A-Za-z-]{1,64}$/, 'a submission id: letters, digits and -'),
  event: z.enum(['created', 'updated', 'deleted']),
  occurredAt: z.iso.datetime({ offset: true }),
});

/** The same notification as a queued work item. */
export const drupalWorkItemSchema = z.object({
  messageId: z.string().min(1),
  kind: z.literal(drupalNotificationKind),
  body: drupalNotificationSchema,
  enqueuedAt: z.iso.datetime({ offset: true }),
});

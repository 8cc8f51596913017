import { z } from 'zod';
import { onlineFundraisingNotifiedEntities } from '../../domain/onlinefundraising/OnlineFundraisingNotification.js';

export { onlineFundraisingEntities, onlineFundraisingNotifiedEntities, type OnlineFundraisingEntity, type OnlineFundraisingNotifiedEntity } from '../../domain/onlinefundraising/OnlineFundraisingNotification.js';

export const onlineFundraisingEvents = ['created', 'updated'] as const;
export type OnlineFundraisingEvent = (typeof onlineFundraisingEvents)[number];

/**
 * The body of a webhook OF sends when an entity is created or updated. It names the entity only;
 * the engine reads the entity's current state from OF's API, so late or repeated notifications are
 * harmless. Unknown extra fields are ignored so OF can add some without breaking us.
 */
export const onlineFundraisingNotificationSchema = z.object({
  /** Assumed to be a UUID; the engine relies only on it being unique per notification. */
  notificationId: z.string().min(1).max(200),
  entity: z.enum(onlineFundraisingNotifiedEntities),
  entityId: z.string().min(1).max(200),
  event: z.enum(onlineFundraisingEvents),
  /** Instant (UTC, ISO 8601) of the change in OF. */
  occurredAt: z.iso.datetime({ offset: true }),
});

export type OnlineFundraisingNotification = z.infer<typeof onlineFundraisingNotificationSchema>;

import { randomUUID } from 'node:crypto';
import { type WebhookDelivery as SharedWebhookDelivery, WebhookDeliveryError } from '../shared/signedWebhookDelivery.js';
import type {
  OnlineFundraisingNotifiedEntity,
  OnlineFundraisingEvent,
  OnlineFundraisingNotification,
} from '../../../adapters/onlinefundraising/notification.js';

export interface WebhookRequest {
  entity: OnlineFundraisingNotifiedEntity;
  entityId: string;
  event: OnlineFundraisingEvent;
}

export type WebhookDelivery = SharedWebhookDelivery<OnlineFundraisingNotification>;

export { WebhookDeliveryError };

export function buildNotification(request: WebhookRequest, now: Date): OnlineFundraisingNotification {
  return {
    notificationId: randomUUID(),
    entity: request.entity,
    entityId: request.entityId,
    event: request.event,
    occurredAt: now.toISOString(),
  };
}

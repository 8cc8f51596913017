import { randomUUID } from 'node:crypto';
import { type WebhookDelivery as SharedWebhookDelivery, WebhookDeliveryError, deliverSignedWebhook } from '../shared/signedWebhookDelivery.js';
import type {
  OnlineFundraisingEntity,
  OnlineFundraisingEvent,
  OnlineFundraisingNotification,
} from '../../../adapters/onlinefundraising/notification.js';

export interface WebhookRequest {
  entity: OnlineFundraisingEntity;
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

/** POSTs the notification once, signed; not retried. */
export function deliverWebhook(input: { notification: OnlineFundraisingNotification; targetUrl: string; secret: string; now: Date; timeoutMs?: number }): Promise<WebhookDelivery> {
  return deliverSignedWebhook(input);
}

import type { WebhookDelivery, WebhookDeliveryError } from './signedWebhookDelivery.js';

type Delivery = WebhookDelivery<{ notificationId: string }>;

/** What a demo says it did: `done` (e.g. "Created contact 42"), then how its `created` notification fared. */
export function demoMessage(done: string, delivery: Delivery | null, failure: WebhookDeliveryError | undefined): string {
  return delivery
    ? `${done} and sent its signed 'created' notification ${delivery.notification.notificationId} to ${delivery.targetUrl}; the engine answered ${delivery.status}.`
    : `${done}, but its 'created' notification was not delivered: ${failure?.message}.`;
}

/** The demo's notification, where it went and what the engine answered; nulls when it was not delivered. */
export function demoDeliveryFields(delivery: Delivery | null) {
  return {
    notificationId: delivery?.notification.notificationId ?? null,
    targetUrl: delivery?.targetUrl ?? null,
    engineStatus: delivery?.status ?? null,
    engineResponse: delivery?.responseBody ?? null,
  };
}

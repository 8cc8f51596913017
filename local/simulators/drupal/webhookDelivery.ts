import { randomUUID } from 'node:crypto';
import { type WebhookDelivery as SharedWebhookDelivery, WebhookDeliveryError } from '../shared/signedWebhookDelivery.js';
import type { DrupalNotification } from '../../../domain/forms/DrupalNotification.js';

export const drupalWebhookEvents = ['created', 'updated', 'deleted'] as const;

export interface WebhookRequest {
  formId: string;
  submissionId: string;
  event: (typeof drupalWebhookEvents)[number];
}

export type WebhookDelivery = SharedWebhookDelivery<DrupalNotification>;

export { WebhookDeliveryError };

export function buildNotification(request: WebhookRequest, now: Date): DrupalNotification {
  return {
    notificationId: randomUUID(),
    formId: request.formId,
    submissionId: request.submissionId,
    event: request.event,
    occurredAt: now.toISOString(),
  };
}

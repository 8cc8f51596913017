import { randomUUID } from 'node:crypto';
import { signWebhook } from '../../../adapters/onlinefundraising/webhookSignature.js';
import type { DrupalNotification } from '../../../domain/forms/DrupalNotification.js';

export const drupalWebhookEvents = ['created', 'updated', 'deleted'] as const;

export interface WebhookRequest {
  formId: string;
  submissionId: string;
  event: (typeof drupalWebhookEvents)[number];
}

export interface WebhookDelivery {
  notification: DrupalNotification;
  targetUrl: string;
  /** The status the target answered. */
  status: number;
  /** The start of the target's answer, for showing what the engine said. */
  responseBody: string;
}

/** No webhook target is set, or it could not be reached (refused, timed out). */
export class WebhookDeliveryError extends Error {
  constructor(
    readonly reason: 'no_target' | 'unreachable',
    message: string,
    readonly notification: DrupalNotification,
  ) {
    super(message);
    this.name = 'WebhookDeliveryError';
  }
}

export function buildNotification(request: WebhookRequest, now: Date): DrupalNotification {
  return {
    notificationId: randomUUID(),
    formId: request.formId,
    submissionId: request.submissionId,
    event: request.event,
    occurredAt: now.toISOString(),
  };
}

/** POSTs the notification once, signed with `signWebhook` and Drupal's secret. Not retried. */
export async function deliverWebhook(input: {
  notification: DrupalNotification;
  targetUrl: string;
  secret: string;
  now: Date;
  timeoutMs?: number;
}): Promise<WebhookDelivery> {
  const rawBody = JSON.stringify(input.notification);
  let response: Response;
  try {
    response = await fetch(input.targetUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signWebhook(input.secret, rawBody, input.now) },
      body: rawBody,
      signal: AbortSignal.timeout(input.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new WebhookDeliveryError('unreachable', `could not deliver to ${input.targetUrl}: ${reason}`, input.notification);
  }
  const responseBody = (await response.text().catch(() => '')).slice(0, 500);
  return { notification: input.notification, targetUrl: input.targetUrl, status: response.status, responseBody };
}

import { randomUUID } from 'node:crypto';
import type {
  OnlineFundraisingEntity,
  OnlineFundraisingEvent,
  OnlineFundraisingNotification,
} from '../../../adapters/onlinefundraising/notification.js';
import { signWebhook } from '../../../adapters/onlinefundraising/webhookSignature.js';

export interface WebhookRequest {
  entity: OnlineFundraisingEntity;
  entityId: string;
  event: OnlineFundraisingEvent;
}

export interface WebhookDelivery {
  notification: OnlineFundraisingNotification;
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
    readonly notification: OnlineFundraisingNotification,
  ) {
    super(message);
    this.name = 'WebhookDeliveryError';
  }
}

export function buildNotification(request: WebhookRequest, now: Date): OnlineFundraisingNotification {
  return {
    notificationId: randomUUID(),
    entity: request.entity,
    entityId: request.entityId,
    event: request.event,
    occurredAt: now.toISOString(),
  };
}

/** POSTs the notification once, signed like OF signs it. The simulator does not retry deliveries. */
export async function deliverWebhook(input: {
  notification: OnlineFundraisingNotification;
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

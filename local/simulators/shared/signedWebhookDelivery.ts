import { signWebhook } from '../../../adapters/onlinefundraising/webhookSignature.js';

export interface WebhookDelivery<Notification> {
  notification: Notification;
  targetUrl: string;
  /** The status the target answered. */
  status: number;
  /** The start of the target's answer, for showing what the engine said. */
  responseBody: string;
}

/** No webhook target is set, or it could not be reached (refused, timed out). */
export class WebhookDeliveryError<Notification = unknown> extends Error {
  constructor(
    readonly reason: 'no_target' | 'unreachable',
    message: string,
    readonly notification: Notification,
  ) {
    super(message);
    this.name = 'WebhookDeliveryError';
  }
}

/**
 * POSTs a simulator's notification once, signed with `signWebhook` (the scheme OF uses, and MS's
 * Drupal is set up with) and the simulator's secret. Simulators do not retry deliveries.
 */
export async function deliverSignedWebhook<Notification>(input: {
  notification: Notification;
  targetUrl: string;
  secret: string;
  now: Date;
  timeoutMs?: number;
}): Promise<WebhookDelivery<Notification>> {
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

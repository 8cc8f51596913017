import type { Hono } from 'hono';
import { z } from 'zod';
import type { InvalidBodyResponder } from './commonControlRoutes.js';
import { jsonBody } from './jsonBody.js';
import { type WebhookDelivery, WebhookDeliveryError } from './signedWebhookDelivery.js';

/** What the webhook control routes act on: a simulator's control (see `WebhookSendingControl`). */
export interface WebhookControl<Request, Notification> {
  readonly webhookTargetUrl: string | undefined;
  setWebhookTarget(url: string | undefined): void;
  sendWebhook(request: Request): Promise<WebhookDelivery<Notification>>;
}

export interface WebhookControlResponses<Request> {
  /** The body of `POST /webhooks/send`: which notification to send. */
  requestSchema: z.ZodType<Request>;
  invalidBody: InvalidBodyResponder;
  /** A JSON answer with the simulator's own headers. */
  json(status: number, body: unknown): Response;
}

const webhookTargetSchema = z.object({ url: z.url().nullable() });

/**
 * Adds `GET`/`PUT /webhooks/target` (`{ url }`, null for none) and `POST /webhooks/send` (sends one
 * signed notification and reports what the target answered; 409 without a target, 502 when it
 * cannot be reached). Register them before routes with path parameters that would match them.
 */
export function addWebhookControlRoutes<Request, Notification>(
  sim: Hono,
  control: WebhookControl<Request, Notification>,
  responses: WebhookControlResponses<Request>,
): void {
  sim.get('/webhooks/target', (c) => c.json({ url: control.webhookTargetUrl ?? null }));
  sim.put('/webhooks/target', async (c) => {
    const target = webhookTargetSchema.safeParse(await jsonBody(c));
    if (!target.success) return responses.invalidBody(target.error, c);
    control.setWebhookTarget(target.data.url ?? undefined);
    return c.json({ url: control.webhookTargetUrl ?? null });
  });
  sim.post('/webhooks/send', async (c) => {
    const request = responses.requestSchema.safeParse(await jsonBody(c));
    if (!request.success) return responses.invalidBody(request.error, c);
    try {
      return c.json(deliveryReport(await control.sendWebhook(request.data)));
    } catch (error) {
      if (!(error instanceof WebhookDeliveryError)) throw error;
      return responses.json(deliveryFailureStatus(error), {
        error: { code: 'webhook_not_delivered', message: error.message },
        notification: error.notification,
      });
    }
  });
}

/** 409 when no target is set, 502 when the target could not be reached. */
export function deliveryFailureStatus(error: WebhookDeliveryError): 409 | 502 {
  return error.reason === 'no_target' ? 409 : 502;
}

function deliveryReport<Notification>(delivery: WebhookDelivery<Notification>) {
  return {
    notification: delivery.notification,
    targetUrl: delivery.targetUrl,
    targetStatus: delivery.status,
    targetResponse: delivery.responseBody,
  };
}

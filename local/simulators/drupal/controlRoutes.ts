import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { faultRuleSchema } from '../shared/faults.js';
import { controlError, jsonResponse } from './drupalError.js';
import type { DemoSubmission, SimulatorControl } from './SimulatorControl.js';
import { type WebhookDelivery, WebhookDeliveryError, drupalWebhookEvents } from './webhookDelivery.js';

const submissionBodySchema = z.object({
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string().min(1).optional(),
});
const webhookRequestSchema = z.object({
  formId: z.string().min(1),
  submissionId: z.string().min(1),
  event: z.enum(drupalWebhookEvents),
});
const webhookTargetSchema = z.object({ url: z.url().nullable() });

/** The simulator's own control API under /_sim/: not part of Drupal, never logged, never faulted. */
export function controlRoutes(control: SimulatorControl): Hono {
  const sim = new Hono();

  sim.get('/submissions', (c) => c.json({ submissions: control.submissions() }));
  sim.get('/webforms/:formId/submissions/:submissionId', (c) => {
    const submission = control.get(c.req.param('formId'), c.req.param('submissionId'));
    return submission ? c.json(submission) : noSuchSubmission();
  });
  sim.put('/webforms/:formId/submissions/:submissionId', async (c) => {
    const body = submissionBodySchema.safeParse(await jsonBody(c));
    if (!body.success) return invalidBody(body.error);
    const { submission, created } = control.upsert(c.req.param('formId'), c.req.param('submissionId'), body.data.data, body.data.createdAt);
    return c.json(submission, created ? 201 : 200);
  });
  sim.delete('/webforms/:formId/submissions/:submissionId', (c) =>
    control.delete(c.req.param('formId'), c.req.param('submissionId')) ? c.body(null, 204) : noSuchSubmission(),
  );

  sim.get('/requests', (c) => c.json({ requests: control.requests() }));
  sim.delete('/requests', (c) => {
    control.clearRequests();
    return c.body(null, 204);
  });

  sim.get('/faults', (c) => c.json({ faults: control.faults.pending() }));
  sim.post('/faults', async (c) => {
    const rule = faultRuleSchema.safeParse(await jsonBody(c));
    if (!rule.success) return invalidBody(rule.error);
    control.injectFault(rule.data);
    return c.json({ faults: control.faults.pending() }, 201);
  });
  sim.delete('/faults', (c) => {
    control.clearFaults();
    return c.body(null, 204);
  });

  sim.post('/reset', (c) => {
    control.reset();
    return c.body(null, 204);
  });

  sim.get('/webhooks/target', (c) => c.json({ url: control.webhookTargetUrl ?? null }));
  sim.put('/webhooks/target', async (c) => {
    const target = webhookTargetSchema.safeParse(await jsonBody(c));
    if (!target.success) return invalidBody(target.error);
    control.setWebhookTarget(target.data.url ?? undefined);
    return c.json({ url: control.webhookTargetUrl ?? null });
  });
  sim.post('/webhooks/send', async (c) => {
    const request = webhookRequestSchema.safeParse(await jsonBody(c));
    if (!request.success) return invalidBody(request.error);
    try {
      return c.json(deliveryReport(await control.sendWebhook(request.data)));
    } catch (error) {
      if (error instanceof WebhookDeliveryError) return undelivered(error);
      throw error;
    }
  });

  sim.post('/demo/petition', async (c) => {
    const demo = await control.demoPetition();
    return c.json(demoReport(demo), demo.failure ? deliveryFailureStatus(demo.failure) : 201);
  });

  return sim;
}

function deliveryReport(delivery: WebhookDelivery) {
  return {
    notification: delivery.notification,
    targetUrl: delivery.targetUrl,
    targetStatus: delivery.status,
    targetResponse: delivery.responseBody,
  };
}

function demoReport({ submission, delivery, failure }: DemoSubmission) {
  const what = `submission ${submission.submissionId} of ${submission.formId}`;
  const message = delivery
    ? `Stored ${what} and sent its signed 'created' notification ${delivery.notification.notificationId} to ${delivery.targetUrl}; the engine answered ${delivery.status}.`
    : `Stored ${what}, but its 'created' notification was not delivered: ${failure?.message}.`;
  return {
    message,
    formId: submission.formId,
    submissionId: submission.submissionId,
    notificationId: delivery?.notification.notificationId ?? null,
    targetUrl: delivery?.targetUrl ?? null,
    engineStatus: delivery?.status ?? null,
    engineResponse: delivery?.responseBody ?? null,
    submission,
  };
}

function undelivered(error: WebhookDeliveryError): Response {
  return jsonResponse(deliveryFailureStatus(error), {
    error: { code: 'webhook_not_delivered', message: error.message },
    notification: error.notification,
  });
}

function deliveryFailureStatus(error: WebhookDeliveryError): 409 | 502 {
  return error.reason === 'no_target' ? 409 : 502;
}

function noSuchSubmission(): Response {
  return controlError(404, 'not_found', 'no such submission');
}

async function jsonBody(c: Context): Promise<unknown> {
  return c.req.json().catch(() => undefined);
}

function invalidBody(error: z.ZodError): Response {
  return controlError(400, 'invalid_body', error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; '));
}

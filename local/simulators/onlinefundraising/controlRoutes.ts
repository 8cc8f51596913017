import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { onlineFundraisingEntities, onlineFundraisingEvents } from '../../../adapters/onlinefundraising/notification.js';
import { entityOfResourcePath } from '../../../adapters/onlinefundraising/resourcePaths.js';
import { faultRuleSchema } from '../shared/faults.js';
import { jsonError } from './jsonError.js';
import type { DemoSignup, SimulatorControl } from './SimulatorControl.js';
import { type WebhookDelivery, WebhookDeliveryError } from './webhookDelivery.js';

const webhookRequestSchema = z.object({
  entity: z.enum(onlineFundraisingEntities),
  entityId: z.string().min(1),
  event: z.enum(onlineFundraisingEvents),
});
const webhookTargetSchema = z.object({ url: z.url().nullable() });

/** The simulator's own control API under /_sim/: not part of OF, never logged, never faulted. */
export function controlRoutes(control: SimulatorControl): Hono {
  const sim = new Hono();

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

  sim.post('/demo/signup', async (c) => {
    const signup = await control.demoSignup();
    return c.json(demoSignupReport(signup), signup.failure ? deliveryFailureStatus(signup.failure) : 201);
  });

  sim.put('/:resource/:id', async (c) => {
    const entity = entityOfResourcePath(c.req.param('resource'));
    if (!entity) return jsonError(404, 'not_found', `no resource named ${c.req.param('resource')}`);
    const fields = await jsonBody(c);
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
      return jsonError(400, 'invalid_body', 'the body must be a JSON object of the entity’s fields');
    }
    const { record, created } = control.upsert(entity, c.req.param('id'), fields);
    return c.json(record, created ? 201 : 200);
  });
  sim.delete('/:resource/:id', (c) => {
    const entity = entityOfResourcePath(c.req.param('resource'));
    if (!entity || !control.delete(entity, c.req.param('id'))) return jsonError(404, 'not_found', 'no such entity');
    return c.body(null, 204);
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

function demoSignupReport(signup: DemoSignup) {
  const { contact, delivery } = signup;
  const who = `contact ${contact.id} (${contact.first_name} ${contact.last_name}, ${contact.contribution_code})`;
  const message = delivery
    ? `Created ${who} and sent its signed 'created' notification ${delivery.notification.notificationId} to ${delivery.targetUrl}; the engine answered ${delivery.status}.`
    : `Created ${who}, but its 'created' notification was not delivered: ${signup.failure?.message}.`;
  return {
    message,
    contactId: contact.id,
    notificationId: delivery?.notification.notificationId ?? null,
    targetUrl: delivery?.targetUrl ?? null,
    engineStatus: delivery?.status ?? null,
    engineResponse: delivery?.responseBody ?? null,
    contact,
  };
}

function undelivered(error: WebhookDeliveryError): Response {
  return new Response(JSON.stringify({ error: { code: 'webhook_not_delivered', message: error.message }, notification: error.notification }), {
    status: deliveryFailureStatus(error),
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

function deliveryFailureStatus(error: WebhookDeliveryError): 409 | 502 {
  return error.reason === 'no_target' ? 409 : 502;
}

async function jsonBody(c: Context): Promise<unknown> {
  return c.req.json().catch(() => undefined);
}

function invalidBody(error: z.ZodError): Response {
  return jsonError(400, 'invalid_body', error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; '));
}

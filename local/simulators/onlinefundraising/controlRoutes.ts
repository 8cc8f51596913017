import { Hono } from 'hono';
import { z } from 'zod';
import { onlineFundraisingNotifiedEntities, onlineFundraisingEvents } from '../../../adapters/onlinefundraising/notification.js';
import { entityOfResourcePath } from '../../../adapters/onlinefundraising/resourcePaths.js';
import { addCommonControlRoutes } from '../shared/commonControlRoutes.js';
import { demoDeliveryFields, demoMessage } from '../shared/demoNotificationReport.js';
import { issueSummary } from '../shared/issueSummary.js';
import { jsonBody } from '../shared/jsonBody.js';
import { addWebhookControlRoutes, deliveryFailureStatus } from '../shared/webhookControlRoutes.js';
import { jsonError, jsonResponse } from './jsonError.js';
import type { DemoSignup, SimulatorControl } from './SimulatorControl.js';

const webhookRequestSchema = z.object({
  entity: z.enum(onlineFundraisingNotifiedEntities),
  entityId: z.string().min(1),
  event: z.enum(onlineFundraisingEvents),
});

const smsOutcomeSchema = z.object({ status: z.enum(['delivered', 'failed']), reason: z.string().min(1).max(200).optional() });

/** The simulator's own control API under /_sim/: not part of OF, never logged, never faulted. */
export function controlRoutes(control: SimulatorControl): Hono {
  const sim = new Hono();

  addCommonControlRoutes(sim, control, invalidBody);
  // Before `/:resource/:id`, which would take `PUT /webhooks/target`.
  addWebhookControlRoutes(sim, control, { requestSchema: webhookRequestSchema, invalidBody, json: jsonResponse });

  sim.get('/sms', (c) => c.json({ data: control.smsOutbox.all(), delivery: control.smsDelivery }));
  sim.put('/sms/delivery', async (c) => {
    const body = z.object({ mode: z.enum(['auto', 'manual']) }).safeParse(await jsonBody(c));
    if (!body.success) return invalidBody(body.error);
    control.smsDelivery = body.data.mode;
    return c.json({ delivery: control.smsDelivery });
  });
  sim.put('/sms/outcomes/:recipient', async (c) => {
    const body = smsOutcomeSchema.safeParse(await jsonBody(c));
    if (!body.success) return invalidBody(body.error);
    control.smsOutbox.outcomes.set(c.req.param('recipient'), body.data);
    return c.json({ recipient: c.req.param('recipient'), ...body.data });
  });
  sim.post('/sms/:id/settle', async (c) => {
    const body = smsOutcomeSchema.optional().safeParse(await jsonBody(c));
    if (!body.success) return invalidBody(body.error);
    const settled = await control.settleSms(c.req.param('id'), body.data);
    return settled ? c.json(settled) : jsonError(404, 'not_found', 'no queued SMS with that id');
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

function demoSignupReport({ contact, delivery, failure }: DemoSignup) {
  const who = `contact ${contact.id} (${contact.first_name} ${contact.last_name}, ${contact.contribution_code})`;
  return { message: demoMessage(`Created ${who}`, delivery, failure), contactId: contact.id, ...demoDeliveryFields(delivery), contact };
}

function invalidBody(error: z.ZodError): Response {
  return jsonError(400, 'invalid_body', issueSummary(error));
}

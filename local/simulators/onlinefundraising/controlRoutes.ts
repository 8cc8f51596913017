import { Hono } from 'hono';
import { z } from 'zod';
import { onlineFundraisingEntities, onlineFundraisingEvents } from '../../../adapters/onlinefundraising/notification.js';
import { entityOfResourcePath } from '../../../adapters/onlinefundraising/resourcePaths.js';
import { addCommonControlRoutes } from '../shared/commonControlRoutes.js';
import { demoDeliveryFields, demoMessage } from '../shared/demoNotificationReport.js';
import { issueSummary } from '../shared/issueSummary.js';
import { jsonBody } from '../shared/jsonBody.js';
import { addWebhookControlRoutes, deliveryFailureStatus } from '../shared/webhookControlRoutes.js';
import { jsonError, jsonResponse } from './jsonError.js';
import type { DemoSignup, SimulatorControl } from './SimulatorControl.js';

const webhookRequestSchema = z.object({
  entity: z.enum(onlineFundraisingEntities),
  entityId: z.string().min(1),
  event: z.enum(onlineFundraisingEvents),
});

/** The simulator's own control API under /_sim/: not part of OF, never logged, never faulted. */
export function controlRoutes(control: SimulatorControl): Hono {
  const sim = new Hono();

  addCommonControlRoutes(sim, control, invalidBody);
  // Before `/:resource/:id`, which would take `PUT /webhooks/target`.
  addWebhookControlRoutes(sim, control, { requestSchema: webhookRequestSchema, invalidBody, json: jsonResponse });

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

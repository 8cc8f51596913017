import { Hono } from 'hono';
import { z } from 'zod';
import { addCommonControlRoutes } from '../shared/commonControlRoutes.js';
import { demoDeliveryFields, demoMessage } from '../shared/demoNotificationReport.js';
import { issueSummary } from '../shared/issueSummary.js';
import { jsonBody } from '../shared/jsonBody.js';
import { addWebhookControlRoutes, deliveryFailureStatus } from '../shared/webhookControlRoutes.js';
import { controlError, jsonResponse } from './drupalError.js';
import type { DemoSubmission, SimulatorControl } from './SimulatorControl.js';
import { drupalWebhookEvents } from './webhookDelivery.js';

const submissionBodySchema = z.object({
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string().min(1).optional(),
});
const webhookRequestSchema = z.object({
  formId: z.string().min(1),
  submissionId: z.string().min(1),
  event: z.enum(drupalWebhookEvents),
});

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

  addCommonControlRoutes(sim, control, invalidBody);
  addWebhookControlRoutes(sim, control, { requestSchema: webhookRequestSchema, invalidBody, json: jsonResponse });

  sim.post('/demo/petition', async (c) => {
    const demo = await control.demoPetition();
    return c.json(demoReport(demo), demo.failure ? deliveryFailureStatus(demo.failure) : 201);
  });

  return sim;
}

function demoReport({ submission, delivery, failure }: DemoSubmission) {
  const { formId, submissionId } = submission;
  const message = demoMessage(`Stored submission ${submissionId} of ${formId}`, delivery, failure);
  return { message, formId, submissionId, ...demoDeliveryFields(delivery), submission };
}

function noSuchSubmission(): Response {
  return controlError(404, 'not_found', 'no such submission');
}

function invalidBody(error: z.ZodError): Response {
  return controlError(400, 'invalid_body', issueSummary(error));
}

import { Hono } from 'hono';
import { z } from 'zod';
import { addCommonControlRoutes } from '../shared/commonControlRoutes.js';
import { issueSummary } from '../shared/issueSummary.js';
import { jsonBody } from '../shared/jsonBody.js';
import { addWebhookControlRoutes } from '../shared/webhookControlRoutes.js';
import { heroBaseError, jsonResponse } from './heroBaseError.js';
import type { SimulatorControl } from './SimulatorControl.js';
import { callResults, notificationTypes } from './wire.js';

const campaignSchema = z.strictObject({ id: z.string().min(1), name: z.string().min(1), status: z.enum(['active', 'closed']).default('active') });
const outcomeSchema = z.strictObject({
  result: z.enum(callResults),
  agentId: z.string().min(1),
  completedAt: z.string().optional(),
  newsletter: z.boolean().optional(),
  noMoreCalls: z.boolean().optional(),
  stopList: z.boolean().optional(),
  contactUpdates: z.strictObject({ firstName: z.string().optional(), lastName: z.string().optional(), email: z.string().optional(), phone: z.string().optional() }).optional(),
  agreementId: z.string().optional(),
  note: z.string().optional(),
});
const taskSchema = z.strictObject({ subject: z.string().min(1), description: z.string(), leadId: z.string().optional(), name: z.string().optional(), phone: z.string().optional(), email: z.string().optional(), createdBy: z.string().min(1) });

/** The simulator's own control API under /_sim/: not part of HeroBase, never logged, never faulted or rate limited. */
export function controlRoutes(control: SimulatorControl): Hono {
  const sim = new Hono();
  const invalid = (error: z.ZodError) => heroBaseError(400, 'invalid_body', issueSummary(error));
  sim.get('/campaigns', (c) => c.json({ campaigns: [...control.book.campaigns.values()] }));
  sim.post('/campaigns', async (c) => {
    const body = campaignSchema.safeParse(await jsonBody(c));
    return body.success ? c.json(control.addCampaign(body.data), 201) : invalid(body.error);
  });
  sim.get('/leads', (c) => c.json({ leads: control.leads(c.req.query('campaignId')) }));
  sim.post('/leads/:id/complete', async (c) => {
    const body = outcomeSchema.safeParse(await jsonBody(c));
    if (!body.success) return invalid(body.error);
    if (!control.book.leads.has(c.req.param('id'))) return heroBaseError(404, 'lead_not_found', `no lead ${c.req.param('id')}`);
    return c.json(await control.completeCall(c.req.param('id'), body.data));
  });
  sim.post('/tasks', async (c) => {
    const body = taskSchema.safeParse(await jsonBody(c));
    return body.success ? c.json(await control.createTask(body.data), 201) : invalid(body.error);
  });
  sim.put('/rate-limit', async (c) => {
    const body = z.strictObject({ requestsPerSecond: z.number().int().positive() }).safeParse(await jsonBody(c));
    if (!body.success) return invalid(body.error);
    control.setRequestsPerSecond(body.data.requestsPerSecond);
    return c.json(body.data);
  });
  addCommonControlRoutes(sim, control, (error) => invalid(error));
  addWebhookControlRoutes(sim, control, {
    requestSchema: z.strictObject({ type: z.enum(notificationTypes), leadId: z.string().optional(), taskId: z.string().optional(), campaignId: z.string().optional() }),
    invalidBody: (error) => invalid(error),
    json: (status, body) => jsonResponse(status, body),
  });
  return sim;
}

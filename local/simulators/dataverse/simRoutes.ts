import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { faultRuleSchema } from '../shared/faults.js';
import { type SimulatorControl, StaffOperationError } from './SimulatorControl.js';
import { webhookRegistrationSchema } from './webhooks.js';

const delaySchema = z.object({ ms: z.number().int().nonnegative().max(120_000) });
const throttleSchema = z.object({ maxRequests: z.number().int().positive(), windowMs: z.number().int().positive() });
const staffMergeSchema = z.object({
  targetId: z.guid(),
  subordinateId: z.guid(),
  entity: z.enum(['contact', 'account']).optional(),
  updateContent: z.record(z.string(), z.unknown()).optional(),
  performParentingChecks: z.boolean().optional(),
  userId: z.guid().optional(),
});
const staffUpdateSchema = z.object({
  entitySet: z.string().min(1),
  id: z.guid(),
  columns: z.record(z.string(), z.unknown()),
  userId: z.guid().optional(),
});

/** `/_sim/…`: the control API for driving the simulator with curl (see README.md). */
export function simRoutes(control: SimulatorControl): Hono {
  const sim = new Hono();

  sim.get('/requests', (c) => c.json(control.requests()));
  sim.get('/batch-operations', (c) => c.json(control.batchOperations()));
  sim.delete('/requests', (c) => {
    control.clearRequests();
    return c.body(null, 204);
  });

  sim.get('/tables/:entitySet', (c) => {
    const entitySet = c.req.param('entitySet');
    if (!control.settings.tables[entitySet]) return c.json({ error: `no table '${entitySet}'` }, 404);
    return c.json(control.rows(entitySet));
  });

  sim.get('/faults', (c) => c.json(control.faults.pending()));
  sim.post('/faults', async (c) => {
    const rule = faultRuleSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!rule.success) return c.json({ error: z.prettifyError(rule.error) }, 400);
    control.injectFault(rule.data);
    return c.json(control.faults.pending(), 201);
  });
  sim.delete('/faults', (c) => {
    control.clearFaults();
    return c.body(null, 204);
  });

  sim.put('/delay', async (c) => {
    const delay = delaySchema.safeParse(await c.req.json().catch(() => undefined));
    if (!delay.success) return c.json({ error: z.prettifyError(delay.error) }, 400);
    control.setDelay(delay.data.ms);
    return c.json({ ms: control.delay });
  });

  sim.put('/throttle', async (c) => {
    const limit = throttleSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!limit.success) return c.json({ error: z.prettifyError(limit.error) }, 400);
    control.setThrottle(limit.data);
    return c.json(limit.data);
  });

  sim.post('/tokens/expire', (c) => {
    control.expireTokens();
    return c.body(null, 204);
  });

  sim.get('/webhooks', (c) => c.json(control.webhooks()));
  sim.post('/webhooks', async (c) => {
    const registration = webhookRegistrationSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!registration.success) return c.json({ error: z.prettifyError(registration.error) }, 400);
    return c.json(control.registerWebhook(registration.data), 201);
  });
  sim.delete('/webhooks', (c) => {
    control.clearWebhooks();
    return c.body(null, 204);
  });
  sim.delete('/webhooks/:id', (c) => (control.unregisterWebhook(c.req.param('id')) ? c.body(null, 204) : c.json({ error: 'no such webhook' }, 404)));
  // ?wait=true: first wait for the deliveries under way.
  sim.get('/webhook-deliveries', async (c) => c.json(c.req.query('wait') === 'true' ? await control.webhooksSettled() : control.webhookDeliveries()));

  sim.post('/staff/merge', async (c) => {
    const input = staffMergeSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!input.success) return c.json({ error: z.prettifyError(input.error) }, 400);
    const { targetId, subordinateId, ...options } = input.data;
    return staffResult(c, () => control.staffMerge(targetId, subordinateId, options));
  });
  sim.post('/staff/update', async (c) => {
    const input = staffUpdateSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!input.success) return c.json({ error: z.prettifyError(input.error) }, 400);
    const { entitySet, id, columns, userId } = input.data;
    if (!control.settings.tables[entitySet]) return c.json({ error: `no table '${entitySet}'` }, 404);
    return staffResult(c, () => control.staffUpdate(entitySet, id, columns, userId === undefined ? {} : { userId }));
  });

  sim.post('/reset', (c) => {
    control.reset();
    return c.body(null, 204);
  });

  return sim;
}

/** 200 with the result; what Dataverse would have answered (status and error body) when it refuses. */
async function staffResult(c: Context, operation: () => Promise<unknown>): Promise<Response> {
  try {
    return c.json(await operation());
  } catch (error) {
    if (!(error instanceof StaffOperationError)) throw error;
    return c.json({ error: { code: error.code, message: error.message } }, error.status as ContentfulStatusCode);
  }
}

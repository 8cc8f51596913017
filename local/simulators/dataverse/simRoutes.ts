import { Hono } from 'hono';
import { z } from 'zod';
import { faultRuleSchema } from '../shared/faults.js';
import type { SimulatorControl } from './SimulatorControl.js';

const delaySchema = z.object({ ms: z.number().int().nonnegative().max(120_000) });
const throttleSchema = z.object({ maxRequests: z.number().int().positive(), windowMs: z.number().int().positive() });

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

  sim.post('/reset', (c) => {
    control.reset();
    return c.body(null, 204);
  });

  return sim;
}

import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { type FaultInjector, type FaultRule, faultRuleSchema } from './faults.js';
import { jsonBody } from './jsonBody.js';
import type { LoggedRequest } from './requestLog.js';

/** What the common control routes act on: a simulator's control (see `SimulatorControlBase`). */
export interface CommonControl {
  readonly faults: FaultInjector;
  injectFault(rule: FaultRule): void;
  clearFaults(): void;
  requests(): LoggedRequest[];
  clearRequests(): void;
  reset(): void;
}

/** A simulator's own 400 answer to a control request whose JSON body its schema refused. */
export type InvalidBodyResponder = (error: z.ZodError, c: Context) => Response;

/**
 * Adds the control routes every simulator with `{ requests }` and `{ faults }` bodies has:
 * `GET`/`DELETE /requests`, `GET`/`POST`/`DELETE /faults` and `POST /reset`. A fault rule the
 * schema refuses is answered by `invalidBody`, in the simulator's own error shape.
 */
export function addCommonControlRoutes(sim: Hono, control: CommonControl, invalidBody: InvalidBodyResponder): void {
  addRequestLogRoutes(sim, control);
  addFaultRoutes(sim, control, invalidBody);
  sim.post('/reset', (c) => {
    control.reset();
    return c.body(null, 204);
  });
}

function addRequestLogRoutes(sim: Hono, control: CommonControl): void {
  sim.get('/requests', (c) => c.json({ requests: control.requests() }));
  sim.delete('/requests', (c) => {
    control.clearRequests();
    return c.body(null, 204);
  });
}

function addFaultRoutes(sim: Hono, control: CommonControl, invalidBody: InvalidBodyResponder): void {
  sim.get('/faults', (c) => c.json({ faults: control.faults.pending() }));
  sim.post('/faults', async (c) => {
    const rule = faultRuleSchema.safeParse(await jsonBody(c));
    if (!rule.success) return invalidBody(rule.error, c);
    control.injectFault(rule.data);
    return c.json({ faults: control.faults.pending() }, 201);
  });
  sim.delete('/faults', (c) => {
    control.clearFaults();
    return c.body(null, 204);
  });
}

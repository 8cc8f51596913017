import { Hono } from 'hono';
import { z } from 'zod';
import { type CprPorts, enterCprNumber, revealCprNumber } from '../../domain/person/enterCprNumber.js';
import { parseJsonBody } from './parseJsonBody.js';
import { engineId, pathParams } from './pathParams.js';
import { invalidRequest } from './problem.js';

export const cprBody = z.object({ cpr: z.string().min(1).max(20) });

/**
 * [CampaignAutomation9][KomMed-GDPR] PUT /admin/persons/{id}/cpr {cpr}: member service enters the
 * person's CPR number (10 digits, a real date; 400 naming `cpr` otherwise). GET: the number in clear,
 * for the roles that need it. Both audited; the answer to PUT says only that a number is known.
 */
export function cprRoutes(deps: CprPorts): Hono {
  return new Hono()
    .put('/:id/cpr', pathParams({ id: engineId }), async (c) => {
      const body = cprBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      const person = await enterCprNumber(c.req.param('id'), body.data.cpr, deps);
      return c.json({ personId: person.id, cprKnown: true });
    })
    .get('/:id/cpr', pathParams({ id: engineId }), async (c) => {
      const cpr = await revealCprNumber(c.req.param('id'), deps);
      return c.json({ personId: c.req.param('id'), cpr: cpr ?? null }, 200, { 'cache-control': 'no-store' });
    });
}

import { Hono } from 'hono';
import { z } from 'zod';
import { type CprPorts, enterCprNumber, revealCprNumber } from '../../domain/person/enterCprNumber.js';
import { parseJsonBody } from './parseJsonBody.js';
import { engineId, pathParams } from './pathParams.js';
import { invalidRequest, problem } from './problem.js';
import type { PreferenceLinks } from '../../domain/consent/PreferenceLinks.js';
import type { Logger } from '../../domain/shared/Logger.js';

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

export const preferenceCprBody = z.strictObject({ token: z.string().min(1).max(2000), cpr: z.string().min(1).max(20) });

/**
 * [Skatteindberetning][CampaignAutomation8] POST /preferences/cpr {token, cpr}: the person gives
 * their CPR number on the preference page the December mail links to, so their gifts can be
 * reported. The signed link is the authority (401 otherwise); a number that is no CPR number is 400
 * naming `cpr`, and nothing is stored. Logged without the number.
 */
export function preferenceCprRoute(deps: CprPorts & { preferenceLinks: PreferenceLinks; logger: Logger }): Hono {
  return new Hono().post('/cpr', async (c) => {
    const body = preferenceCprBody.safeParse(parseJsonBody(await c.req.text()));
    if (!body.success) return invalidRequest(c, body.error);
    const personId = await deps.preferenceLinks.personOf(body.data.token);
    if (!personId) return problem(c, 401, 'invalid_link', 'the link is not valid or has expired; ask for a new one');
    await enterCprNumber(personId, body.data.cpr, deps);
    deps.logger.info('CPR number given on the preference page', { personId });
    return c.json({ cprKnown: true });
  });
}

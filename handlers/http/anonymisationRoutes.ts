import { Hono } from 'hono';
import { z } from 'zod';
import { anonymisationReasons } from '../../domain/anonymisation/Anonymisation.js';
import { type StartAnonymisationPorts, startAnonymisation } from '../../domain/anonymisation/startAnonymisation.js';
import { actorOf } from './access/staffOf.js';
import { parseJsonBody } from './parseJsonBody.js';
import { engineId, pathParams } from './pathParams.js';
import { invalidRequest } from './problem.js';

export const anonymiseBody = z.strictObject({
  reason: z.enum(anonymisationReasons),
  note: z.string().trim().min(1).max(500).optional(),
  /** The business date the person asked (YYYY-MM-DD, Europe/Copenhagen). */
  requestedOn: z.iso.date(),
  stopList: z.union([z.enum(['leave', 'remove']), z.strictObject({ sms: z.boolean(), telemarketing: z.boolean() })]),
});

/**
 * [GDPR1] POST /admin/persons/{id}/anonymise {reason, note?, requestedOn, stopList}: member service
 * anonymises one person. 202 with the anonymisation as started (`pending`); the person is
 * `anonymised` once OF and the CRM have confirmed (GET /admin/persons/{id} shows it). 404 for an
 * unknown person, 409 for one anonymised already or merged into another.
 */
export function anonymisationRoutes(deps: StartAnonymisationPorts): Hono {
  return new Hono().post('/:id/anonymise', pathParams({ id: engineId }), async (c) => {
    const body = anonymiseBody.safeParse(parseJsonBody(await c.req.text()));
    if (!body.success) return invalidRequest(c, body.error);
    const { note, ...request } = body.data;
    const anonymisation = await startAnonymisation(c.req.param('id'), { ...request, ...(note && { note }) }, { actor: actorOf(c) }, deps);
    return c.json({ personId: c.req.param('id'), ...anonymisation }, 202);
  });
}

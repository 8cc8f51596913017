import { Hono } from 'hono';
import { z } from 'zod';
import { currentAnonymisationRules } from '../../domain/anonymisation/AnonymisationRules.js';
import type { AnonymisationRuleStore } from '../../domain/anonymisation/AnonymisationRules.js';
import { type DecideCandidatePorts, decideCandidate } from '../../domain/anonymisation/decideCandidate.js';
import { replaceAnonymisationRules } from '../../domain/anonymisation/replaceAnonymisationRules.js';
import { actorReference } from '../../domain/shared/Actor.js';
import { actorOf } from './access/staffOf.js';
import { parseJsonBody } from './parseJsonBody.js';
import { engineId, pathParams } from './pathParams.js';
import { invalidRequest } from './problem.js';

export const rulesBody = z
  .strictObject({
    enabled: z.boolean(),
    doNotContactAfterYears: z.number().int().min(1).max(50),
    anonymiseAfterYears: z.number().int().min(1).max(50),
    exclusions: z.array(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('running-agreement') }),
        z.strictObject({ kind: z.literal('payment-within'), months: z.number().int().min(1).max(120) }),
        z.strictObject({ kind: z.literal('pending-refund') }),
      ]),
    ),
  })
  .refine((rules) => rules.anonymiseAfterYears > rules.doNotContactAfterYears, { message: 'anonymise after more years than "do not contact"', path: ['anonymiseAfterYears'] });
export const candidateQuery = z.object({
  status: z.enum(['scheduled', 'included', 'excluded', 'withdrawn', 'anonymised']).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  continuationToken: z.string().min(1).optional(),
});
export const decisionBody = z.strictObject({ decision: z.enum(['include', 'exclude']), note: z.string().trim().min(1).max(500).optional() });

export interface AnonymisationScheduleRouteDeps extends DecideCandidatePorts {
  anonymisationRules: AnonymisationRuleStore;
}

/**
 * [CARE-Anon] GET/PUT /admin/anonymisation/rules: the schedule's rules. GET
 * /admin/anonymisation/candidates?status=: who the schedule found and when they will be anonymised.
 * POST /admin/anonymisation/candidates/{personId}/decision {decision: include|exclude, note?}.
 */
export function anonymisationScheduleRoutes(deps: AnonymisationScheduleRouteDeps): Hono {
  return new Hono()
    .get('/rules', async (c) => c.json(await currentAnonymisationRules(deps)))
    .put('/rules', async (c) => {
      const body = rulesBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await replaceAnonymisationRules(body.data, actorReference(actorOf(c)), deps));
    })
    .get('/candidates', async (c) => {
      const query = candidateQuery.safeParse(c.req.query());
      if (!query.success) return invalidRequest(c, query.error, 'query');
      const { status, continuationToken, pageSize } = query.data;
      const page = await deps.candidates.list({ pageSize, ...(status && { status }), ...(continuationToken && { continuationToken }) });
      c.set('auditedPersons', page.items.map((candidate) => candidate.id));
      return c.json(page);
    })
    .post('/candidates/:personId/decision', pathParams({ personId: engineId }), async (c) => {
      const body = decisionBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      const { note, decision } = body.data;
      return c.json(await decideCandidate(c.req.param('personId'), { decision, ...(note && { note }) }, actorOf(c), deps));
    });
}

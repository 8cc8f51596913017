import { Hono } from 'hono';
import { z } from 'zod';
import { type DecidePorts, decideDuplicateReview } from '../../domain/identity/decideDuplicateReview.js';
import type { DuplicateReviewStore } from '../../domain/identity/ports.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest } from './problem.js';
import { externalKey, pathParams } from './pathParams.js';
import { actorOf } from './access/staffOf.js';
import { actorReference } from '../../domain/shared/Actor.js';

export const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

export const decisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('merge'), into: z.string().min(1) }),
  z.object({ decision: z.literal('not-duplicate') }),
]);

/**
 * [CARE-Dedupe][OnlineFundraising13] GET /admin/duplicate-reviews lists the open cases (the manual
 * queue); POST …/{id}/decision decides one: `merge` into a proposed person, or `not-duplicate`.
 */
export function duplicateReviewRoutes(deps: DecidePorts & { reviews: DuplicateReviewStore }): Hono {
  return new Hono()
    .get('/', async (c) => {
      const query = listQuery.safeParse(c.req.query());
      if (!query.success) return invalidRequest(c, query.error, 'query');
      const open = await deps.reviews.findOpen(query.data.limit);
      return c.json({ reviews: open.map((stored) => stored.value) });
    })
    .post('/:id/decision', pathParams({ id: externalKey }), async (c) => {
      const body = decisionBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      const decision = body.data.decision === 'merge' ? { kind: 'merge' as const, into: body.data.into } : { kind: 'not-duplicate' as const };
      return c.json(await decideDuplicateReview(c.req.param('id'), decision, actorReference(actorOf(c)), deps));
    });
}

import { Hono } from 'hono';
import { z } from 'zod';
import { comparisons, matchFields } from '../../domain/identity/MatchRule.js';
import { currentMatchRules, replaceMatchRules } from '../../domain/identity/matchRules.js';
import type { IdentityReindexStore, MatchRuleStore } from '../../domain/identity/ports.js';
import { reindexStatus } from '../../domain/identity/reindexStatus.js';
import type { Clock } from '../../domain/shared/Clock.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest } from './problem.js';

const matchRule = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a short name: lower case a-z, 0-9 and -'),
  description: z.string().min(1).max(200),
  fields: z
    .array(z.enum(matchFields))
    .min(1)
    .max(matchFields.length)
    .refine((fields) => new Set(fields).size === fields.length, 'each field once'),
  comparison: z.enum(comparisons),
  onMatch: z.enum(['merge', 'review']),
});

export const matchRuleTableBody = z.object({
  rules: z
    .array(matchRule)
    .max(50)
    .refine((rules) => new Set(rules.map((rule) => rule.id)).size === rules.length, 'rule ids must be unique'),
});

/**
 * [CARE-Dedupe] GET/PUT /admin/match-rules: the duplicate rules, redefined by staff without a deploy.
 * GET /admin/match-rules/reindex: how far re-indexing every person under the saved rules has come.
 */
export function matchRuleRoutes(deps: { matchRules: MatchRuleStore; reindexState: IdentityReindexStore; clock: Clock }): Hono {
  return new Hono()
    .get('/', async (c) => c.json(await currentMatchRules(deps)))
    .get('/reindex', async (c) => c.json(await reindexStatus(deps)))
    .put('/', async (c) => {
      const body = matchRuleTableBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await replaceMatchRules(body.data.rules, deps));
    });
}

import { Hono } from 'hono';
import { z } from 'zod';
import { keywordAt } from '../../domain/keywords/keywordAt.js';
import { keywordsInPeriod } from '../../domain/keywords/keywordsInPeriod.js';
import { currentKeywordTable, replaceKeywordTable } from '../../domain/keywords/keywordTable.js';
import type { SmsKeywordStore } from '../../domain/keywords/ports.js';
import { scheduleKeyword } from '../../domain/keywords/scheduleKeyword.js';
import { keywordPattern, keywordShape, normaliseKeyword } from '../../domain/keywords/SmsKeyword.js';
import { startOfCopenhagenDay } from '../../domain/shared/startOfCopenhagenDay.js';
import type { Clock } from '../../domain/shared/Clock.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest, problem } from './problem.js';

export interface KeywordRouteDeps {
  keywords: SmsKeywordStore;
  clock: Clock;
}

const text = (max: number) => z.string().trim().min(1).max(max);

/** A business date starts at Danish midnight; an instant must say its offset. */
const dateOrInstant = z.union([z.iso.date().transform(startOfCopenhagenDay), z.iso.datetime({ offset: true }).transform((instant) => new Date(instant))], {
  error: (issue) => (issue.input === undefined ? 'required' : 'a date (YYYY-MM-DD, Europe/Copenhagen) or an ISO 8601 instant with an offset'),
});
const instantText = dateOrInstant.transform((instant) => instant.toISOString());

const keyword = z.string().max(50).overwrite(normaliseKeyword).regex(keywordPattern, keywordShape);

const action = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('add-to-marketing-list'), list: text(200) }),
  z.object({ kind: z.literal('create-signature'), petitionId: text(200) }),
  z.object({ kind: z.literal('withdraw-sms-consent') }),
]);

export const assignment = z.object({ keyword, campaignCode: text(100), validFrom: instantText, validTo: instantText.optional(), action });
export const tableBody = z.object({ assignments: z.array(assignment).max(1000) });

export const periodQuery = z.object({ from: dateOrInstant, to: dateOrInstant }).refine((period) => period.to > period.from, { path: ['to'], message: 'must be after from' });
export const resolveQuery = z.object({ keyword, at: dateOrInstant.optional() });

/**
 * [OnlineFundraising8][OnlineFundraising9] The SMS keyword table for staff (mounted under
 * /admin/keywords, behind staff sign-in): GET /?from=&to= (keywords per campaign in a period),
 * GET /table and PUT /table (the whole table), POST / (schedule a hand-over) and
 * GET /resolve?keyword=&at= (the assignment in force; `at` defaults to now).
 */
export function keywordRoutes(deps: KeywordRouteDeps): Hono {
  return new Hono()
    .get('/', async (c) => {
      const query = periodQuery.safeParse(c.req.query());
      if (!query.success) return invalidRequest(c, query.error, 'query');
      const { from, to } = query.data;
      return c.json({ from: from.toISOString(), to: to.toISOString(), campaigns: keywordsInPeriod(await currentKeywordTable(deps), from, to) });
    })
    .get('/table', async (c) => c.json(await currentKeywordTable(deps)))
    .put('/table', async (c) => {
      const body = tableBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await replaceKeywordTable(body.data.assignments, deps));
    })
    .post('/', async (c) => {
      const body = assignment.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await scheduleKeyword(body.data, deps), 201);
    })
    .get('/resolve', async (c) => {
      const query = resolveQuery.safeParse(c.req.query());
      if (!query.success) return invalidRequest(c, query.error, 'query');
      const at = query.data.at ?? deps.clock.now();
      const found = keywordAt(await currentKeywordTable(deps), query.data.keyword, at);
      return found ? c.json(found) : problem(c, 404, 'unknown_keyword', `no keyword ${query.data.keyword} in force at ${at.toISOString()}`);
    });
}

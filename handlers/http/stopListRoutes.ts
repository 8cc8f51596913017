import { type Context, Hono } from 'hono';
import { type ZodError, z } from 'zod';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Ids } from '../../domain/shared/Ids.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { addToStopList } from '../../domain/stoplist/addToStopList.js';
import { stopListPurposes } from '../../domain/stoplist/forbids.js';
import type { StopList } from '../../domain/stoplist/ports.js';
import { removeFromStopList } from '../../domain/stoplist/removeFromStopList.js';
import { contactProblems, normaliseEmail, normalisePhone } from '../../domain/stoplist/StopListEntry.js';
import { stopListedFor } from '../../domain/stoplist/stopListedFor.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest, problem } from './problem.js';
import { engineId, pathParams } from './pathParams.js';
import { actorOf } from './access/staffOf.js';
import { actorReference } from '../../domain/shared/Actor.js';

export interface StopListRouteDeps {
  stopList: StopList;
  ids: Ids;
  clock: Clock;
  logger: Logger;
}

const text = (max: number) => z.string().trim().min(1).max(max);
export const pageQuery = z.object({ pageSize: z.coerce.number().int().min(1).max(100).default(50), continuationToken: z.string().min(1).optional() });

/**
 * Phone and email by the domain's rules. Runs even when other fields are wrong, so one answer names
 * every bad field; skipped when phone or email is already refused (e.g. not text).
 */
function contactCheck() {
  return z.superRefine<{ phone?: string | undefined; email?: string | undefined }>(
    (body, ctx) => {
      for (const { field, problem } of contactProblems(body)) ctx.addIssue({ code: 'custom', path: [field], message: problem });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !payload.issues.some((issue) => ['phone', 'email'].includes(String(issue.path?.[0]))) },
  );
}

export const addBody = z
  .object({
    name: z.string().max(200).optional(),
    phone: z.string().max(50).optional(),
    email: z.string().max(320).optional(),
    requestedAt: z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'a date (YYYY-MM-DD) or an ISO date-time' }),
    sms: z.boolean(),
    telemarketing: z.boolean(),
    source: text(100),
  })
  .check(contactCheck())
  // [StopList] The stop file stops SMS, calls or both; an entry that stops neither would stop nothing.
  .refine((body) => body.sms || body.telemarketing, { path: ['sms'], message: 'flag at least one channel: sms or telemarketing' });

export const checkBody = z
  .object({
    phones: z.array(z.string().refine((phone) => normalisePhone(phone) !== undefined, 'not a valid phone number')).max(20).default([]),
    emails: z.array(z.string().refine((email) => normaliseEmail(email) !== undefined, 'not an email address')).max(20).default([]),
    purpose: z.enum(stopListPurposes),
  })
  .refine((body) => body.phones.length + body.emails.length > 0, { path: ['phones'], message: 'give a phone or an email' });

/**
 * [StopList] The stop list for staff (mounted under /admin/stop-list, behind staff sign-in):
 * GET / (a page, newest first), GET /{id}, POST / (add, or widen the entry for the same phone or
 * email), DELETE /{id}, and POST /check: is this contact stop-listed for the purpose.
 */
export function stopListRoutes(deps: StopListRouteDeps): Hono {
  const refused = (c: Context, error: ZodError, where: 'body' | 'query' = 'body') => {
    // Field names only: the refused values may be a phone or an email.
    deps.logger.warn('stop-list request refused', { method: c.req.method, path: c.req.path, fields: error.issues.map((issue) => issue.path.join('.')).join(',') });
    return invalidRequest(c, error, where);
  };
  const notListed = (c: Context) => problem(c, 404, 'not_found', `no stop-list entry ${c.req.param('id')}`);
  return new Hono()
    .get('/', async (c) => {
      const query = pageQuery.safeParse(c.req.query());
      if (!query.success) return refused(c, query.error, 'query');
      return c.json(await deps.stopList.list(query.data));
    })
    .get('/:id', pathParams({ id: engineId }), async (c) => {
      const stored = await deps.stopList.get(c.req.param('id'));
      return stored ? c.json(stored.value) : notListed(c);
    })
    .post('/', async (c) => {
      const body = addBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return refused(c, body.error);
      const { outcome, entry } = await addToStopList({ ...body.data, addedBy: actorReference(actorOf(c)) }, deps);
      deps.logger.info('stop-list entry saved', { entryId: entry.id, outcome, source: body.data.source });
      return c.json(entry, outcome === 'added' ? 201 : 200);
    })
    .post('/check', async (c) => {
      const body = checkBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return refused(c, body.error);
      const entries = await stopListedFor(body.data, body.data.purpose, deps);
      return c.json({ stopListed: entries.length > 0, entries });
    })
    .delete('/:id', pathParams({ id: engineId }), async (c) => {
      if (!(await removeFromStopList(c.req.param('id'), deps))) return notListed(c);
      deps.logger.info('stop-list entry removed', { entryId: c.req.param('id') });
      return c.body(null, 204);
    });
}

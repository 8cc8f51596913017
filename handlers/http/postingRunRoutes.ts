import { Hono } from 'hono';
import { z } from 'zod';
import { postingLinesCsv } from '../../adapters/csv/postingLinesCsv.js';
import type { PostingRuns } from '../../domain/bookkeeping/ports.js';
import { answerPostingReview } from '../../domain/bookkeeping/answerPostingReview.js';
import { type StartPostingRunPorts, startPostingRun } from '../../domain/bookkeeping/startPostingRun.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest } from './problem.js';
import { engineId, pathParams } from './pathParams.js';
import { actorOf } from './access/staffOf.js';
import { actorReference } from '../../domain/shared/Actor.js';

export interface PostingRunRouteDeps extends StartPostingRunPorts {
  runs: PostingRuns;
  logger: Logger;
}

export const runBody = z.object({ from: z.iso.date(), to: z.iso.date() });
export const reviewAnswerBody = z.object({ lineNumber: z.number().int().positive(), postedInBc: z.boolean() });
export const linesQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });

/**
 * [Bogføring][DBF-Sumtotal] POST /admin/posting-runs {from, to}: starts the run over
 * the range (202), or answers with the run that range already has (200). GET /admin/posting-runs,
 * GET /admin/posting-runs/{id}: runs with their phase and counts. GET
 * /admin/posting-runs/{id}/lines[?format=csv]: the lines, as JSON or as finance's CSV. POST
 * /admin/posting-runs/{id}/review {lineNumber, postedInBc}: finance's answer to a run
 * stopped for review (is the line among the document's G/L entries?); the run goes on (202).
 */
export function postingRunRoutes(deps: PostingRunRouteDeps): Hono {
  return new Hono()
    .post('/', async (c) => {
      const body = runBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      const { run, started } = await startPostingRun({ ...body.data, requestedBy: actorReference(actorOf(c)) }, deps);
      if (started) deps.logger.info('posting run started', { runId: run.id, from: run.from, to: run.to, by: actorOf(c).id });
      return c.json(run, started ? 202 : 200);
    })
    .post('/:id/review', pathParams({ id: engineId }), async (c) => {
      const body = reviewAnswerBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      const run = await answerPostingReview(c.req.param('id'), { ...body.data, answeredBy: actorReference(actorOf(c)) }, deps);
      deps.logger.info('posting run review answered', { runId: run.id, line: body.data.lineNumber, postedInBc: body.data.postedInBc, by: actorOf(c).id });
      return c.json(run, 202);
    })
    .get('/', async (c) => c.json({ runs: await deps.runs.list() }))
    .get('/:id', pathParams({ id: engineId }), async (c) => c.json(await existingRun(c.req.param('id'), deps)))
    .get('/:id/lines', pathParams({ id: engineId }), async (c) => {
      const query = linesQuery.safeParse(c.req.query());
      if (!query.success) return invalidRequest(c, query.error, 'query');
      const run = await existingRun(c.req.param('id'), deps);
      const lines = await deps.runs.lines(run.id);
      if (query.data.format === 'json') return c.json({ runId: run.id, lines });
      return c.body(postingLinesCsv(lines), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="bogfoering-${run.from}-${run.to}.csv"`,
      });
    });
}

async function existingRun(id: string, deps: PostingRunRouteDeps) {
  const stored = await deps.runs.get(id);
  if (!stored) throw new NotFoundError(`no posting run ${id}`);
  return stored.value;
}

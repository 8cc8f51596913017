import { Hono } from 'hono';
import { z } from 'zod';
import type { JobRuns } from '../../domain/jobs/ports.js';
import { type StartJobPorts, startJobRun } from '../../domain/jobs/startJobRun.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { invalidRequest } from './problem.js';
import { engineId, externalKey, pathParams } from './pathParams.js';
import { actorOf } from './access/staffOf.js';
import { actorReference } from '../../domain/shared/Actor.js';

export interface JobRouteDeps extends StartJobPorts {
  jobRuns: JobRuns;
}

export const listQuery = z.object({ job: z.string().min(1).max(100).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });

/**
 * GET /admin/jobs: the jobs and their latest runs (status, progress, duration, counts).
 * GET /admin/jobs/runs/{id}: one run. POST /admin/jobs/{name}/run runs a job now (202).
 */
export function jobRoutes(deps: JobRouteDeps): Hono {
  return new Hono()
    .get('/', async (c) => {
      const query = listQuery.safeParse(c.req.query());
      if (!query.success) return invalidRequest(c, query.error, 'query');
      const runs = await deps.jobRuns.recent(query.data.limit, query.data.job);
      return c.json({ jobs: deps.jobs.map(({ name, description }) => ({ name, description })), runs });
    })
    .get('/runs/:id', pathParams({ id: engineId }), async (c) => {
      const stored = await deps.jobRuns.get(c.req.param('id'));
      if (!stored) throw new NotFoundError(`no job run ${c.req.param('id')}`);
      return c.json(stored.value);
    })
    .post('/:name/run', pathParams({ name: externalKey }), async (c) => {
      return c.json(await startJobRun(c.req.param('name'), { kind: 'staff', requestedBy: actorReference(actorOf(c)) }, deps), 202);
    });
}

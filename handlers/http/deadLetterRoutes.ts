import { Hono } from 'hono';
import { z } from 'zod';
import { listDeadLetters, maxDeadLetterPageSize } from '../../domain/deadletters/listDeadLetters.js';
import type { DeadLetterStore, MessageQueue } from '../../domain/deadletters/ports.js';
import { replayDeadLetter } from '../../domain/deadletters/replayDeadLetter.js';
import type { Clock } from '../../domain/shared/Clock.js';
import { invalidRequest } from './problem.js';
import { engineId, pathParams } from './pathParams.js';

export const pageQuery = z.object({
  pageSize: z.coerce.number().int().min(1).max(maxDeadLetterPageSize).optional(),
  continuationToken: z.string().min(1).optional(),
  status: z.enum(['retrying', 'dead', 'replayed', 'resolved']).optional(),
});

/** GET /admin/dead-letters[?status=dead|retrying|replayed|resolved] lists failed messages with their errors; POST …/{id}/replay re-queues a dead one. */
export function deadLetterRoutes(deps: { deadLetters: DeadLetterStore; queue: MessageQueue; clock: Clock }): Hono {
  return new Hono()
    .get('/', async (c) => {
      const query = pageQuery.safeParse(c.req.query());
      if (!query.success) return invalidRequest(c, query.error, 'query');
      return c.json(await listDeadLetters(query.data, deps));
    })
    .post('/:id/replay', pathParams({ id: engineId }), async (c) => c.json({ replayed: await replayDeadLetter(c.req.param('id'), deps) }, 202));
}

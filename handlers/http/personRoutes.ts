import { Hono } from 'hono';
import { z } from 'zod';
import { requestMerge } from '../../domain/identity/requestMerge.js';
import type { PersonRepository } from '../../domain/person/ports.js';
import type { WorkQueue } from '../../domain/messaging/WorkItem.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Ids } from '../../domain/shared/Ids.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest } from './problem.js';
import { engineId, pathParams } from './pathParams.js';
import { actorOf } from './access/staffOf.js';
import { actorReference } from '../../domain/shared/Actor.js';

export const mergeBody = z.object({ mergedPersonId: engineId });

/** [OnlineFundraising13] POST /admin/persons/{survivorId}/merge: staff merge two persons; done from a queue, answered 202. */
export function personRoutes(deps: { mergeQueue: WorkQueue; persons: Pick<PersonRepository, 'get'>; ids: Ids; clock: Clock }): Hono {
  return new Hono().post('/:id/merge', pathParams({ id: engineId }), async (c) => {
    const body = mergeBody.safeParse(parseJsonBody(await c.req.text()));
    if (!body.success) return invalidRequest(c, body.error);
    const request = { survivorPersonId: c.req.param('id'), mergedPersonId: body.data.mergedPersonId, origin: 'engine' as const, requestedBy: actorReference(actorOf(c)) };
    return c.json({ accepted: true, ...(await requestMerge(request, deps)) }, 202);
  });
}

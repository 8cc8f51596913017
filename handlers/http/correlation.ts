import type { MiddlewareHandler } from 'hono';
import { withLogContext } from '../../adapters/system/logContext.js';
import type { Ids } from '../../domain/shared/Ids.js';

export const correlationHeader = 'x-correlation-id';
const acceptable = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * [NFR-Observability] Every request is one piece of work with one correlation id: the caller's
 * `x-correlation-id` if it sent a sensible one, else a new one. It is in every log line of the
 * request, on every work item the request enqueues, and in the answer's header.
 */
export function correlation(ids: Ids): MiddlewareHandler {
  return async (c, next) => {
    const offered = c.req.header(correlationHeader);
    const correlationId = offered && acceptable.test(offered) ? offered : ids.random();
    c.header(correlationHeader, correlationId);
    await withLogContext({ correlationId }, () => next());
  };
}

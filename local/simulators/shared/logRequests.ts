import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../../../domain/shared/Clock.js';
import { decodedPath } from './decodedPath.js';
import type { RequestLog } from './requestLog.js';

/** Middleware that logs every request it sees, once answered, with the instant it arrived by `clock`. */
export function logRequests(log: RequestLog, clock: Clock): MiddlewareHandler {
  return async (c, next) => {
    const at = clock.now().toISOString();
    await next();
    const url = new URL(c.req.url);
    log.add({ method: c.req.method, path: decodedPath(url), query: url.search.slice(1), status: c.res.status, at });
  };
}

import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../domain/shared/Logger.js';

/**
 * [NFR-Input] Every request the engine refuses (4xx) is logged once, with its method, path and
 * status and the request's correlation id, never with what was sent (it may be personal data).
 */
export function logRefusals(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status >= 400 && c.res.status < 500) logger.info('request answered with a client error', { method: c.req.method, path: c.req.path, status: c.res.status });
  };
}

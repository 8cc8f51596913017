import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../domain/shared/Logger.js';
import { problem } from './problem.js';

/**
 * Admin routes are closed unless the caller sends `Authorization: Bearer <admin key>`.
 * The one place to swap for Entra ID sign-in and roles later.
 */
export function adminAuth(adminApiKey: string, logger: Logger): MiddlewareHandler {
  const expected = Buffer.from(adminApiKey);
  return async (c, next) => {
    const presented = Buffer.from(c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? '');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      logger.warn('admin request refused', { method: c.req.method, path: c.req.path });
      c.header('WWW-Authenticate', 'Bearer');
      return problem(c, 401, 'unauthorized', 'admin routes need Authorization: Bearer <admin key>');
    }
    await next();
  };
}

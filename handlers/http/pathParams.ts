import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { invalidRequest } from './problem.js';

/** [NFR-Input] An id the engine made: a UUID (persons, payments, runs, reviews, dead letters…). */
export const engineId = z.guid('an engine id (a UUID)');

/**
 * [NFR-Input] A key someone outside the engine chose (a petition, a marketing list, an OF id, a job's
 * name): letters, digits, `-`, `_`, `.` and `:`, starting with a letter or digit, so it can never be
 * a path (`../x`, `a/b`), a fragment (`#`) or an escape (`\`).
 */
export const externalKey = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'letters, digits, - _ . : (at most 128)');

/** [NFR-Input] Checks a route's path parameters before the route runs: 400 naming each bad one. */
export function pathParams(shape: Record<string, z.ZodType>): MiddlewareHandler {
  const schema = z.object(shape);
  return async (c, next) => {
    const parsed = schema.safeParse(c.req.param());
    if (!parsed.success) return invalidRequest(c, parsed.error, 'path');
    await next();
  };
}

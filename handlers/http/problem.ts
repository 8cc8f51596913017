import type { Context } from 'hono';
import type { ZodError } from 'zod';

/** The machine-readable error body every route answers with: a code, a message, and the bad fields. */
export interface Problem {
  error: string;
  message: string;
  fields?: { field: string; problem: string }[];
}

export function invalidRequest(c: Context, zodError: ZodError, where: 'body' | 'query' | 'path' = 'body') {
  const fields = zodError.issues.map((issue) => ({ field: issue.path.join('.') || where, problem: issue.message }));
  return c.json<Problem>({ error: 'invalid_request', message: `the request ${where} is not valid`, fields }, 400);
}

export function problem(c: Context, status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 500 | 503, error: string, message: string, fields?: Problem['fields']) {
  return c.json<Problem>({ error, message, ...(fields && { fields }) }, status);
}

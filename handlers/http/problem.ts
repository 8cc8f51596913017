import type { Context } from 'hono';
import { type ZodError, z } from 'zod';

/**
 * The one error shape every route answers with: RFC 9457 problem details (`type`, `title`,
 * `status`, `detail`, `instance`) as `application/problem+json`, with the engine's members beside them:
 * `error` (a code to branch on), `message` (the same as `detail`) and, for bad input, `fields`
 * naming each bad field and what is wrong with it.
 */
export const problemSchema = z.object({
  type: z.string().describe('urn:ms-engine:problem:<error>'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional().describe('the request path'),
  error: z.string().describe('machine-readable code, e.g. invalid_request, forbidden, invalid_token'),
  message: z.string(),
  fields: z.array(z.object({ field: z.string(), problem: z.string() })).optional(),
  line: z.number().int().optional().describe('a file that is no CSV: the line where reading failed'),
  rejected: z.array(z.object({ line: z.number(), field: z.string(), problem: z.string() })).optional().describe('a refused import file: every bad value by line and column'),
});

export type Problem = z.infer<typeof problemSchema>;

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 500 | 503;

const titles: Record<ProblemStatus, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function invalidRequest(c: Context, zodError: ZodError, where: 'body' | 'query' | 'path' = 'body') {
  const fields = zodError.issues.map((issue) => ({ field: issue.path.join('.') || where, problem: issue.message }));
  return problem(c, 400, 'invalid_request', `the request ${where} is not valid`, fields);
}

export function problem(c: Context, status: ProblemStatus, error: string, message: string, fields?: Problem['fields'], extra?: Pick<Problem, 'rejected' | 'line'>): Response {
  const body: Problem = { type: `urn:ms-engine:problem:${error}`, title: titles[status], status, detail: message, instance: c.req.path, error, message, ...(fields && { fields }), ...extra };
  return c.newResponse(JSON.stringify(body), status, { 'content-type': 'application/problem+json; charset=UTF-8' });
}

import type { Context } from 'hono';

/** The request's JSON body, or undefined when it is missing or not JSON (a schema then refuses it). */
export async function jsonBody(c: Context): Promise<unknown> {
  return c.req.json().catch(() => undefined);
}

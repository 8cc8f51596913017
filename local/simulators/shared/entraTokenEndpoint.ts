import type { Handler } from 'hono';
import type { EntraTokenIssuer } from './EntraTokenIssuer.js';

/**
 * Entra ID's token endpoint, `POST /{tenantId}/oauth2/v2.0/token` with a form body, as the
 * simulators of Microsoft services (Dataverse, Business Central) answer it.
 */
export function entraTokenEndpoint(tokens: EntraTokenIssuer): Handler {
  return async (c) => {
    const isForm = /^application\/x-www-form-urlencoded/i.test(c.req.header('content-type') ?? '');
    const form = new URLSearchParams(isForm ? await c.req.text() : '');
    const { status, body } = await tokens.issue(c.req.param('tenantId') ?? '', form);
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store, no-cache', pragma: 'no-cache' },
    });
  };
}

import { Hono } from 'hono';
import { entraTokenEndpoint } from '../shared/entraTokenEndpoint.js';
import { type ApiResponse, errorCodes, errorResponse, jsonResponse, toWebResponse } from './ApiResponse.js';
import { executeBatch } from './batch.js';
import { apiRootPath } from './entityPath.js';
import { executeWebApiRequest } from './entityRequests.js';
import type { Fault } from '../shared/faults.js';
import type { OperationEvent } from './operationEvents.js';
import { remainingRequestsHeader } from './ServiceProtection.js';
import { simRoutes } from './simRoutes.js';
import type { SimulatorControl } from './SimulatorControl.js';

/**
 * The simulator's HTTP surface: Entra ID's token endpoint, the Dataverse Web API under
 * `/api/data/v9.2`, and the `/_sim` control API. Every request but the control API's is logged
 * and may be slowed or failed by an injected fault before it is handled.
 */
export function createDataverseApp(control: SimulatorControl): Hono {
  const app = new Hono();
  app.route('/_sim', simRoutes(control));

  app.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    const path = decodeURIComponent(url.pathname);
    if (path.startsWith('/_sim/')) return next();
    const at = control.settings.clock.now().toISOString();
    const fault = control.faults.take(c.req.method, path);
    const delayMs = control.delay + (fault?.delayMs ?? 0);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (fault?.status !== undefined) c.res = faultResponse(fault);
    else await next();
    control.log.add({ method: c.req.method, path, query: url.search.replace(/^\?/, ''), status: c.res.status, at });
  });

  app.post('/:tenantId/oauth2/v2.0/token', entraTokenEndpoint(control.tokens));

  app.all(`${apiRootPath}/*`, async (c) => {
    if (!(await control.tokens.accepts(c.req.header('authorization')))) {
      const { tenantId } = control.settings.app;
      return new Response(null, {
        status: 401,
        headers: {
          'WWW-Authenticate': `Bearer authorization_uri=${control.settings.url}/${tenantId}/oauth2/authorize, resource_id=${control.settings.url}/`,
        },
      });
    }
    const throttled = control.serviceProtection.admit(control.settings.clock.now().getTime());
    if (throttled) return toWebResponse(throttled);
    const url = new URL(c.req.url);
    const path = decodeURIComponent(url.pathname).slice(apiRootPath.length + 1);
    const body = await c.req.text();
    const rateHeaders = { [remainingRequestsHeader]: String(control.serviceProtection.remaining()) };
    // Updates and merges that succeed are sent to the webhooks, as done by the application user.
    const events: OperationEvent[] = [];
    const context = control.webApiContext((event) => events.push(event));
    if (path === '$batch' && c.req.method === 'POST') {
      const batch = executeBatch(c.req.header('content-type') ?? null, body, c.req.raw.headers, context);
      control.batchLog.add(control.settings.clock.now().toISOString(), batch.operations);
      control.notifyWebhooks(events);
      return new Response(batch.body, { status: batch.status, headers: { ...batch.headers, ...rateHeaders } });
    }
    const response: ApiResponse =
      path === 'WhoAmI' && c.req.method === 'GET'
        ? whoAmI(control)
        : executeWebApiRequest({ method: c.req.method, path, query: url.searchParams, headers: c.req.raw.headers, body }, context);
    control.notifyWebhooks(events);
    return toWebResponse({ ...response, headers: { ...response.headers, ...rateHeaders } });
  });

  return app;
}

/** An injected failure, with the body Dataverse would send for that status unless the rule gives one. */
function faultResponse(fault: Fault): Response {
  const status = fault.status ?? 500;
  const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
  if (fault.body !== undefined) return toWebResponse(jsonResponse(status, fault.body, headers));
  const response =
    status === 429
      ? errorResponse(429, errorCodes.requestsExceededLimit, 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.', headers)
      : errorResponse(status, errorCodes.unexpected, 'An unexpected error occurred.', headers);
  return toWebResponse(response);
}

/** The identity of the application user the token belongs to; clients use it as a connection check. */
function whoAmI(control: SimulatorControl): ApiResponse {
  return jsonResponse(200, { '@odata.context': `${control.apiUrl}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`, ...control.identity });
}

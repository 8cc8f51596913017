import { type Context, type Handler, Hono, type MiddlewareHandler } from 'hono';
import { entraTokenEndpoint } from '../shared/entraTokenEndpoint.js';
import { decodedPath } from '../shared/decodedPath.js';
import { type Fault, retryAfterHeader } from '../shared/faults.js';
import { handleApiRequest } from './apiRequests.js';
import { BcError, bcErrorCodes, bcErrorResponse, bcErrorToResponse, jsonResponse } from './bcError.js';
import { controlRoutes } from './controlRoutes.js';
import { type SimulatorControl, businessCentralResource } from './SimulatorControl.js';

const apiRoute = '/v2.0/:tenantId/:environmentName/api/v2.0/*';
const apiPathPattern = /^\/v2\.0\/[^/]+\/[^/]+\/api\/v2\.0\//;

/**
 * The simulator's HTTP surface: Entra ID's token endpoint, BC's API v2.0 under
 * `/v2.0/<tenant>/<environment>/api/v2.0`, and the `/_sim` control API. Every request but the
 * control API's is logged and may be slowed or failed by an injected fault before it is handled.
 */
export function createBusinessCentralApp(control: SimulatorControl): Hono {
  const app = new Hono();
  app.route('/_sim', controlRoutes(control));
  app.use('*', logAndInjectFaults(control));

  app.post('/:tenantId/oauth2/v2.0/token', entraTokenEndpoint(control.tokens));

  app.all(apiRoute, apiEndpoint(control));

  app.notFound((c) => bcErrorResponse(404, bcErrorCodes.resourceNotFound, `No resource is found at '${new URL(c.req.url).pathname}'.`));
  app.onError((error) => (error instanceof BcError ? bcErrorToResponse(error) : bcErrorResponse(500, bcErrorCodes.serverError, error.message)));
  return app;
}

/** BC's API: authorisation, the environment, the limits, an injected fault, then the request itself. */
function apiEndpoint(control: SimulatorControl): Handler {
  return async (c) => {
    const { tenantId, environmentName } = c.req.param() as { tenantId: string; environmentName: string };
    if (!(await control.tokens.accepts(c.req.header('authorization'))) || !sameName(tenantId, control.settings.app.tenantId)) return unauthorized(c);
    if (!sameName(environmentName, control.settings.environmentName)) {
      return bcErrorResponse(404, bcErrorCodes.resourceNotFound, `The environment '${environmentName}' does not exist in the tenant '${tenantId}'.`);
    }
    const admitted = await control.limiter.enter();
    if (admitted instanceof Response) return admitted;
    try {
      const url = new URL(c.req.url);
      const fault = control.faults.take(c.req.method, decodedPath(url));
      await delay(fault?.delayMs);
      if (fault?.status !== undefined && !fault.afterHandling) return faultResponse(fault);
      const apiBasePath = url.pathname.slice(0, url.pathname.indexOf('/api/v2.0') + '/api/v2.0'.length);
      const response = await handleApiRequest(
        {
          method: c.req.method,
          path: decodeURIComponent(url.pathname.slice(apiBasePath.length)),
          url,
          apiBase: `${url.origin}${apiBasePath}`,
          headers: c.req.raw.headers,
          body: await c.req.text(),
        },
        { store: control.store, maxPageSize: control.maxPageSize, today: () => control.today() },
      );
      return fault?.afterHandling && fault.status !== undefined ? faultResponse(fault) : response;
    } finally {
      admitted.release();
    }
  };
}

/**
 * Logs every request but the control API's, and applies the injected fault to those outside the API.
 * An API request meets its fault once authorised and admitted by the limiter, so a slow request holds
 * its slot as in BC, and a refused one leaves the fault for the next.
 */
function logAndInjectFaults(control: SimulatorControl): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const path = decodedPath(url);
    if (path.startsWith('/_sim/')) return next();
    const at = control.settings.clock.now().toISOString();
    const fault = apiPathPattern.test(path) ? undefined : control.faults.take(c.req.method, path);
    await delay(fault?.delayMs);
    if (fault?.status !== undefined) c.res = faultResponse(fault);
    else await next();
    control.log.add({ method: c.req.method, path, query: url.search.slice(1), status: c.res.status, at });
  };
}

/** A slow answer: the request is still carried out afterwards, even when the client gave up waiting. */
async function delay(ms: number | undefined): Promise<void> {
  if (ms) await new Promise((resolve) => setTimeout(resolve, ms));
}

/** An injected failure, with the body BC would send for that status unless the rule gives one. */
function faultResponse(fault: Fault): Response {
  const status = fault.status ?? 500;
  const headers = retryAfterHeader(fault);
  if (fault.body !== undefined) return jsonResponse(status, fault.body, headers);
  if (status === 429) return bcErrorResponse(429, bcErrorCodes.tooManyRequests, 'Too many requests reached. Actual (101). Maximum (100).', headers);
  if (status === 401) return bcErrorResponse(401, bcErrorCodes.invalidCredentials, 'The server has rejected the client credentials.', headers);
  return bcErrorResponse(status, bcErrorCodes.serverError, 'An unexpected error occurred (a fault injected by the Business Central simulator).', headers);
}

/** A missing, expired or foreign token: BC's 401, naming the Entra ID authority to get one from. */
function unauthorized(c: Context): Response {
  const origin = new URL(c.req.url).origin;
  return bcErrorResponse(401, bcErrorCodes.invalidCredentials, 'The server has rejected the client credentials.', {
    'www-authenticate': `Bearer authorization_uri="${origin}/common/oauth2/authorize", resource_id="${businessCentralResource}"`,
  });
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

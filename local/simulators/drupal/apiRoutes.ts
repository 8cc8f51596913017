import { Hono, type MiddlewareHandler } from 'hono';
import { waitUnlessAborted } from '../shared/waitUnlessAborted.js';
import { basicCredentials, sameCredentials } from './basicAuth.js';
import { drupalError, jsonResponse } from './drupalError.js';
import type { SimulatorControl } from './SimulatorControl.js';
import { submissionResource } from './submissionResource.js';

/** The realm Drupal's basic_auth names in its challenge: the site's name. */
const realm = 'ms.dk';

/** webform_rest's submission resource, mounted at `/webform_rest`: `GET /<webform_id>/submission/<sid>?_format=json`. */
export function apiRoutes(control: SimulatorControl): Hono {
  const api = new Hono();
  api.use('*', logRequests(control), injectFaults(control), requireJsonFormat(), requireBasicAuth(control));

  api.get('/:formId/submission/:submissionId', (c) => {
    const submission = control.get(c.req.param('formId'), c.req.param('submissionId'));
    if (!submission) return drupalError(404, "Can't load webform submission.");
    return c.json(submissionResource(submission));
  });

  return api;
}

function logRequests(control: SimulatorControl): MiddlewareHandler {
  return async (c, next) => {
    const at = control.settings.clock.now().toISOString();
    await next();
    const url = new URL(c.req.url);
    control.log.add({ method: c.req.method, path: decodedPath(url), query: url.search.slice(1), status: c.res.status, at });
  };
}

function injectFaults(control: SimulatorControl): MiddlewareHandler {
  return async (c, next) => {
    const fault = control.faults.take(c.req.method, decodedPath(new URL(c.req.url)));
    if (fault?.delayMs && !(await waitUnlessAborted(fault.delayMs, c.req.raw.signal))) {
      // Logged as nginx's 499 so a test sees the attempt its client abandoned, at the moment it gave up.
      return drupalError(499, 'the client stopped waiting');
    }
    if (fault?.status === undefined) return next();
    const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
    if (fault.body !== undefined) return jsonResponse(fault.status, fault.body, headers);
    return drupalError(fault.status, 'fault injected by the simulator', headers);
  };
}

/** Drupal's REST routes answer only the formats they are configured for; webform_rest's here: json. */
function requireJsonFormat(): MiddlewareHandler {
  return async (c, next) => {
    const format = c.req.query('_format') ?? 'html';
    if (format !== 'json') return drupalError(406, `No route found for the specified format ${format}. Supported formats: json.`);
    return next();
  };
}

/** Drupal's basic_auth: missing or wrong credentials both end as the anonymous user, who is challenged. */
function requireBasicAuth(control: SimulatorControl): MiddlewareHandler {
  return async (c, next) => {
    if (!sameCredentials(basicCredentials(c.req.header('authorization')), control.settings.credentials)) {
      return drupalError(401, 'No authentication credentials provided.', { 'www-authenticate': `Basic realm="${realm}"` });
    }
    return next();
  };
}

function decodedPath(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}

import { Hono, type MiddlewareHandler } from 'hono';
import { retryAfterHeader } from '../shared/faults.js';
import { type FaultResponses, injectFaults } from '../shared/injectFaults.js';
import { logRequests } from '../shared/logRequests.js';
import { basicCredentials, sameCredentials } from './basicAuth.js';
import { drupalError, jsonResponse } from './drupalError.js';
import type { SimulatorControl } from './SimulatorControl.js';
import { submissionResource } from './submissionResource.js';

/** The realm Drupal's basic_auth names in its challenge: the site's name. */
const realm = 'ms.dk';

/** webform_rest's submission resource, mounted at `/webform_rest`: `GET /<webform_id>/submission/<sid>?_format=json`. */
export function apiRoutes(control: SimulatorControl): Hono {
  const api = new Hono();
  api.use('*', logRequests(control.log, control.settings.clock), injectFaults(control.faults, faultResponses), requireJsonFormat(), requireBasicAuth(control));

  api.get('/:formId/submission/:submissionId', (c) => {
    const submission = control.get(c.req.param('formId'), c.req.param('submissionId'));
    if (!submission) return drupalError(404, "Can't load webform submission.");
    return c.json(submissionResource(submission));
  });

  return api;
}

/** Drupal's answers to a fault: its `{ message }` body unless the rule gives one. */
const faultResponses: FaultResponses = {
  clientClosed: () => drupalError(499, 'the client stopped waiting'),
  fault: (fault) =>
    fault.body === undefined
      ? drupalError(fault.status, 'fault injected by the simulator', retryAfterHeader(fault))
      : jsonResponse(fault.status, fault.body, retryAfterHeader(fault)),
};

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

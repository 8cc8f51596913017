import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { retryAfterHeader } from '../shared/faults.js';
import { type FaultResponses, injectFaults } from '../shared/injectFaults.js';
import { logRequests } from '../shared/logRequests.js';
import { acsError, codeForStatus } from './acsError.js';
import { apiVersionRefusal } from './apiVersions.js';
import { describeIssues, emailRequestSchema } from './emailRequestSchema.js';
import type { SentEmail } from './EmailOutbox.js';
import { hmacRefusal } from './hmacAuthentication.js';
import type { SimulatorControl } from './SimulatorControl.js';

const operationIdSchema = z.guid();

/**
 * ACS Email's REST API as `@azure/communication-email` uses it: `POST /emails:send` and
 * `GET /emails/operations/<id>`, both signed with the access key and carrying `?api-version=`.
 * Every request is logged and may be slowed or failed by a fault rule before anything else.
 */
export function apiRoutes(control: SimulatorControl): Hono {
  const api = new Hono();
  api.use('*', logRequests(control.log, control.settings.clock), injectFaults(control.faults, faultResponses), requireSignature(control), requireApiVersion());
  api.post('/emails:send', (c) => sendEmail(c, control));
  api.get('/emails/operations/:operationId', (c) => operationStatus(c, control));
  return api;
}

async function sendEmail(c: Context, control: SimulatorControl): Promise<Response> {
  const body = parseJson(await c.req.text());
  if (body === undefined) return acsError(400, 'BadRequest', 'The request body is not valid JSON.');
  const request = emailRequestSchema.safeParse(body);
  if (!request.success) return acsError(400, 'BadRequest', describeIssues(request.error));
  const operationId = c.req.header('operation-id');
  if (operationId !== undefined && !operationIdSchema.safeParse(operationId).success) {
    return acsError(400, 'BadRequest', 'The Operation-Id header must be a UUID.');
  }
  const { email } = control.send(request.data, operationId);
  const url = new URL(c.req.url);
  const operationLocation = `${url.origin}/emails/operations/${encodeURIComponent(email.operationId)}?api-version=${url.searchParams.get('api-version')}`;
  return operationAnswer(202, email, control, { 'operation-location': operationLocation });
}

function operationStatus(c: Context, control: SimulatorControl): Response {
  const email = control.readStatus(c.req.param('operationId') ?? '');
  if (!email) return acsError(404, 'NotFound', `No email send operation with id ${c.req.param('operationId')}.`);
  return operationAnswer(200, email, control);
}

/** ACS's EmailSendResult `{ id, status, error? }`, with `retry-after` while it runs if the simulator is set to send it. */
function operationAnswer(status: 200 | 202, email: SentEmail, control: SimulatorControl, headers: Record<string, string> = {}): Response {
  const retryAfter = control.statusRetryAfterSeconds;
  const running: Record<string, string> = email.status === 'Running' && retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {};
  const body = { id: email.operationId, status: email.status, ...(email.error && { error: email.error }) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers, ...running },
  });
}

/** ACS's answers to a fault: its error (code in `x-ms-error-code` too) unless the rule gives a body. */
const faultResponses: FaultResponses = {
  clientClosed: () => acsError(499, 'ClientClosedRequest', 'The client stopped waiting.'),
  fault: (fault) => {
    const headers = retryAfterHeader(fault);
    if (fault.body === undefined) return acsError(fault.status, codeForStatus(fault.status), 'Fault injected by the simulator.', headers);
    return new Response(JSON.stringify(fault.body), { status: fault.status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
  },
};

function requireSignature(control: SimulatorControl): MiddlewareHandler {
  return async (c, next) => {
    const request = { method: c.req.method, url: new URL(c.req.url), headers: c.req.raw.headers, body: new Uint8Array(await c.req.arrayBuffer()) };
    const refusal = hmacRefusal(request, control.settings.accessKey, control.settings.clock.now());
    return refusal === undefined ? next() : acsError(401, 'Denied', refusal);
  };
}

function requireApiVersion(): MiddlewareHandler {
  return async (c, next) => {
    const refusal = apiVersionRefusal(c.req.query('api-version'));
    return refusal === undefined ? next() : acsError(400, refusal.code, refusal.message);
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { entityOfResourcePath } from '../../../adapters/onlinefundraising/resourcePaths.js';
import { AgreementCancelError, parseCancelRequest } from './agreementCancel.js';
import { ContactMergeError } from './contactMerge.js';
import { ContactUpdateError, etagOf, parseContactChanges } from './contactUpdate.js';
import { InvalidCursorError, type ListQuery } from './entityStore.js';
import { codeForStatus, jsonError, jsonResponse } from './jsonError.js';
import type { SimulatorControl } from './SimulatorControl.js';
import { type FaultResponses, injectFaults } from '../shared/injectFaults.js';
import { retryAfterHeader } from '../shared/faults.js';
import { logRequests } from '../shared/logRequests.js';
import { ContactAnonymiseError } from './contactAnonymise.js';
import { smsSendSchema } from './smsMessages.js';
import { shortenSchema } from './shortUrls.js';
import { issueSummary } from '../shared/issueSummary.js';

const defaultPageSize = 50;
const maxPageSize = 200;
const mergeRequestSchema = z.object({ contact_id: z.string().min(1) });

/**
 * OF's REST API as the simulator assumes it: `GET /<resource>/<id>`, `GET /<resource>?…` listings,
 * `PATCH /contacts/<id>`, `POST /contacts/<id>/merge`, `POST /contacts/<id>/anonymize` and
 * `POST /agreements/<id>/cancel`, and the outbound SMS (`POST`/`GET /sms-messages`) and ShortenURL
 * (`POST /short-urls`).
 */
export function apiRoutes(control: SimulatorControl): Hono {
  const api = new Hono();
  api.use('*', logRequests(control.log, control.settings.clock), injectFaults(control.faults, faultResponses), requireApiKey(control.settings.apiKey));

  api.post('/sms-messages', async (c) => {
    const request = smsSendSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!request.success) return jsonError(400, 'invalid_request', issueSummary(request.error));
    const { message, created } = control.sendSms(request.data);
    return c.json(message, created ? 201 : 200);
  });

  api.get('/sms-messages/:id', (c) => {
    const message = control.smsOutbox.get(c.req.param('id'));
    return message ? c.json(message) : jsonError(404, 'not_found', `no sms_message with id ${c.req.param('id')}`);
  });

  api.post('/short-urls', async (c) => {
    const request = shortenSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!request.success) return jsonError(400, 'invalid_request', issueSummary(request.error));
    return c.json(control.shortUrls.shorten(request.data.url), 201);
  });

  api.get('/:resource/:id', (c) => {
    const entity = entityOfResourcePath(c.req.param('resource'));
    if (!entity) return unknownResource(c.req.param('resource'));
    const record = control.get(entity, c.req.param('id'));
    if (!record) return jsonError(404, 'not_found', `no ${entity} with id ${c.req.param('id')}`);
    return c.json(record, 200, { etag: etagOf(record) });
  });

  api.get('/:resource', (c) => {
    const entity = entityOfResourcePath(c.req.param('resource'));
    if (!entity) return unknownResource(c.req.param('resource'));
    const query = listQuery(new URL(c.req.url).searchParams);
    if (typeof query === 'string') return jsonError(400, 'invalid_query', query);
    try {
      const page = control.store.list(entity, query);
      return c.json({ data: page.data, next_cursor: page.nextCursor });
    } catch (error) {
      if (error instanceof InvalidCursorError) return jsonError(400, 'invalid_cursor', error.message);
      throw error;
    }
  });

  api.patch('/contacts/:id', async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    try {
      const ifMatch = c.req.header('if-match');
      const { contact } = await control.updateContact(c.req.param('id'), parseContactChanges(body), ifMatch === undefined ? {} : { ifMatch });
      return c.json(contact, 200, { etag: etagOf(contact) });
    } catch (error) {
      if (error instanceof ContactUpdateError) return jsonError(error.status, error.code, error.message);
      throw error;
    }
  });

  api.post('/contacts/:id/merge', async (c) => {
    const request = mergeRequestSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!request.success) return jsonError(400, 'invalid_request', 'the body must be { "contact_id": "<id of the contact to merge>" }');
    try {
      return c.json((await control.merge(c.req.param('id'), request.data.contact_id)).survivor);
    } catch (error) {
      if (error instanceof ContactMergeError) return jsonError(error.status, error.code, error.message);
      throw error;
    }
  });

  api.post('/contacts/:id/anonymize', async (c) => {
    try {
      return c.json((await control.anonymiseContact(c.req.param('id'))).contact);
    } catch (error) {
      if (error instanceof ContactAnonymiseError) return jsonError(error.status, error.code, error.message);
      throw error;
    }
  });

  api.post('/agreements/:id/cancel', async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    try {
      return c.json((await control.cancelAgreement(c.req.param('id'), parseCancelRequest(body))).agreement);
    } catch (error) {
      if (error instanceof AgreementCancelError) return jsonError(error.status, error.code, error.message);
      throw error;
    }
  });

  return api;
}

/** OF's answers to a fault: the rule's `body` when it gives one, else OF's error body. */
const faultResponses: FaultResponses = {
  clientClosed: () => jsonError(499, 'client_closed_request', 'the client stopped waiting'),
  fault: (fault) =>
    fault.body === undefined
      ? jsonError(fault.status, codeForStatus(fault.status), 'fault injected by the simulator', retryAfterHeader(fault))
      : jsonResponse(fault.status, fault.body, retryAfterHeader(fault)),
};

function requireApiKey(apiKey: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.header('authorization') !== `Bearer ${apiKey}`) {
      return jsonError(401, 'unauthorized', 'missing or invalid API key', { 'www-authenticate': 'Bearer' });
    }
    return next();
  };
}

/** Reads `updated_since`, `page_size`, `cursor` and relation filters (`<entity>_id=…`); a string is the reason it is invalid. */
function listQuery(params: URLSearchParams): ListQuery | string {
  const pageSizeText = params.get('page_size');
  const pageSize = pageSizeText === null ? defaultPageSize : Number(pageSizeText);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) return `page_size must be an integer from 1 to ${maxPageSize}`;
  const sinceText = params.get('updated_since');
  const since = sinceText === null ? undefined : new Date(sinceText);
  if (since && Number.isNaN(since.getTime())) return 'updated_since must be an ISO 8601 instant';
  const cursor = params.get('cursor') ?? undefined;
  const filters = Object.fromEntries([...params].filter(([name]) => name.endsWith('_id')));
  return { pageSize, filters, ...(since && { updatedSince: since }), ...(cursor !== undefined && { cursor }) };
}

function unknownResource(resource: string): Response {
  return jsonError(404, 'not_found', `no resource named ${resource}`);
}

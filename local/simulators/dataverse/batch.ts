import { randomUUID } from 'node:crypto';
import { type ApiResponse, errorCodes, errorResponse } from './ApiResponse.js';
import { apiRootPath } from './entityPath.js';
import { type WebApiContext, executeWebApiRequest } from './entityRequests.js';
import { type EmbeddedRequest, type MimePart, type OutgoingPart, boundaryOf, multipartBody, parseEmbeddedRequest, parseMultipart, responsePart } from './multipart.js';
import type { OperationEvent } from './operationEvents.js';
import { parsePreferences } from './preferences.js';

/** The whole `$batch` answer: multipart/mixed text, or a JSON error when the batch itself is malformed. */
export interface BatchResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The operations that ran, in order (none when the batch itself is malformed). */
  operations: ExecutedOperation[];
}

/** One operation of a batch as it ran: what was asked and how it was answered. */
export interface ExecutedOperation {
  method: string;
  /** Decoded path of the resolved URL, e.g. "/api/data/v9.2/contacts(…)" (the URL as written when it cannot be resolved). */
  path: string;
  contentId?: string;
  status: number;
  /** It succeeded, but a later operation of its change set failed, so its change was undone. */
  rolledBack?: true;
}

interface Operation {
  contentId?: string;
  request: EmbeddedRequest;
}

type BatchItem = { kind: 'request'; operation: Operation } | { kind: 'changeSet'; operations: Operation[] };

const maxRequestsPerBatch = 1000;

/**
 * Executes a `$batch` request (OData 4.0 §11.7, as Dataverse implements it): requests in order;
 * each change set all-or-nothing, answered by its responses or, when one operation fails, by that
 * single failing response. Processing stops at the first failure unless the batch says
 * `Prefer: odata.continue-on-error`. Inside a change set `$<Content-ID>` refers to a row written
 * earlier in it, as the request URL or as an `@odata.bind` value.
 */
export function executeBatch(contentType: string | null, body: string, headers: Headers, context: WebApiContext): BatchResponse {
  const parsed = parseBatch(contentType, body);
  if ('status' in parsed) return asJson(parsed);
  const continueOnError = parsePreferences(headers.get('prefer')).continueOnError;
  const parts: OutgoingPart[] = [];
  const operations: ExecutedOperation[] = [];
  for (const item of parsed) {
    const outcome = item.kind === 'request' ? runRequest(item.operation, context) : runChangeSet(item.operations, context);
    parts.push(outcome.part);
    operations.push(...outcome.operations);
    if (outcome.failed && !continueOnError) break;
  }
  const boundary = `batchresponse_${randomUUID()}`;
  return {
    status: 200,
    headers: { 'Content-Type': `multipart/mixed; boundary=${boundary}`, 'OData-Version': '4.0' },
    body: multipartBody(boundary, parts),
    operations,
  };
}

interface ItemOutcome {
  part: OutgoingPart;
  failed: boolean;
  operations: ExecutedOperation[];
}

function runRequest(operation: Operation, context: WebApiContext): ItemOutcome {
  const { response, executed } = execute(operation, new Map(), context);
  return { part: responsePart(response, operation.contentId), failed: response.status >= 400, operations: [executed] };
}

function runChangeSet(operations: Operation[], outerContext: WebApiContext): ItemOutcome {
  const before = outerContext.store.snapshot();
  // The change set's updates and merges are only reported (to the webhooks) when it is kept.
  const events: OperationEvent[] = [];
  const context: WebApiContext = { ...outerContext, onEvent: (event) => events.push(event) };
  const written = new Map<string, string>();
  const parts: OutgoingPart[] = [];
  const executedSoFar: ExecutedOperation[] = [];
  for (const operation of operations) {
    const { response, executed } = execute(operation, written, context);
    if (response.status >= 400) {
      context.store.restore(before);
      const undone = executedSoFar.map((done): ExecutedOperation => ({ ...done, rolledBack: true }));
      return { part: responsePart(response, operation.contentId), failed: true, operations: [...undone, executed] };
    }
    executedSoFar.push(executed);
    const entityId = response.headers['OData-EntityId'];
    if (operation.contentId !== undefined && entityId) written.set(operation.contentId, entityId.slice(context.apiUrl.length + 1));
    parts.push(responsePart(response, operation.contentId));
  }
  for (const event of events) outerContext.onEvent?.(event);
  const boundary = `changesetresponse_${randomUUID()}`;
  return {
    part: { headers: [`Content-Type: multipart/mixed; boundary=${boundary}`], content: multipartBody(boundary, parts).trimEnd() },
    failed: false,
    operations: executedSoFar,
  };
}

function execute(operation: Operation, written: Map<string, string>, context: WebApiContext): { response: ApiResponse; executed: ExecutedOperation } {
  const { request } = operation;
  const url = resolveUrl(request.url, written, context.apiUrl);
  const path = url ? decodeURIComponent(url.pathname) : request.url;
  const response = url?.pathname.startsWith(`${apiRootPath}/`)
    ? executeResolved(request, url, written, context)
    : errorResponse(400, errorCodes.queryOrPayloadError, `The request URL '${request.url}' in the batch is not a Web API URL.`);
  const executed: ExecutedOperation = {
    method: request.method,
    path,
    ...(operation.contentId !== undefined && { contentId: operation.contentId }),
    status: response.status,
  };
  return { response, executed };
}

function executeResolved(request: EmbeddedRequest, url: URL, written: Map<string, string>, context: WebApiContext): ApiResponse {
  return executeWebApiRequest(
    {
      method: request.method,
      path: decodeURIComponent(url.pathname.slice(apiRootPath.length + 1)),
      query: url.searchParams,
      headers: request.headers,
      body: withContentIdReferences(request.body, written),
    },
    context,
  );
}

/** Absolute, root-relative ("/api/data/v9.2/…"), service-relative ("contacts(…)") or "$1". */
function resolveUrl(url: string, written: Map<string, string>, apiUrl: string): URL | undefined {
  const reference = /^\$([^/?]+)(.*)$/.exec(url);
  const expanded = reference ? `${written.get(reference[1]!) ?? url}${reference[2]}` : url;
  try {
    return new URL(expanded, `${apiUrl}/`);
  } catch {
    return undefined;
  }
}

function withContentIdReferences(body: string, written: Map<string, string>): string {
  if (written.size === 0 || !body) return body;
  try {
    const payload = JSON.parse(body) as Record<string, unknown>;
    for (const [property, value] of Object.entries(payload)) {
      const reference = typeof value === 'string' ? /^\$(.+)$/.exec(value)?.[1] : undefined;
      const path = reference === undefined ? undefined : written.get(reference);
      if (property.endsWith('@odata.bind') && path) payload[property] = `/${path}`;
    }
    return JSON.stringify(payload);
  } catch {
    return body;
  }
}

function parseBatch(contentType: string | null, body: string): BatchItem[] | ApiResponse {
  const boundary = /^multipart\/mixed/i.test(contentType ?? '') ? boundaryOf(contentType) : undefined;
  if (!boundary) {
    return errorResponse(400, errorCodes.queryOrPayloadError, 'The batch request must have a "Content-Type" header of multipart/mixed with a boundary.');
  }
  const items: BatchItem[] = [];
  for (const part of parseMultipart(body, boundary)) {
    const item = batchItem(part);
    if ('status' in item) return item;
    items.push(item);
  }
  const count = items.reduce((sum, item) => sum + (item.kind === 'request' ? 1 : item.operations.length), 0);
  if (count > maxRequestsPerBatch) {
    return errorResponse(400, errorCodes.queryOrPayloadError, `The number of requests in a batch cannot exceed ${maxRequestsPerBatch}.`);
  }
  return items;
}

function batchItem(part: MimePart): BatchItem | ApiResponse {
  const contentType = part.headers.get('content-type');
  if (/^multipart\/mixed/i.test(contentType ?? '')) {
    const boundary = boundaryOf(contentType);
    if (!boundary) return errorResponse(400, errorCodes.queryOrPayloadError, 'A change set has no boundary.');
    const operations: Operation[] = [];
    for (const inner of parseMultipart(part.body, boundary)) {
      const operation = operationOf(inner);
      if ('status' in operation) return operation;
      if (operation.request.method === 'GET') {
        return errorResponse(400, errorCodes.queryOrPayloadError, 'A change set must not contain a GET request.');
      }
      operations.push(operation);
    }
    return { kind: 'changeSet', operations };
  }
  const operation = operationOf(part);
  return 'status' in operation ? operation : { kind: 'request', operation };
}

function operationOf(part: MimePart): Operation | ApiResponse {
  const request = /^application\/http/i.test(part.headers.get('content-type') ?? '') ? parseEmbeddedRequest(part.body) : undefined;
  if (!request) {
    return errorResponse(400, errorCodes.queryOrPayloadError, 'Each batch part must be of Content-Type application/http and carry an HTTP request.');
  }
  const contentId = part.headers.get('content-id');
  return contentId === null ? { request } : { request, contentId };
}

function asJson(response: ApiResponse): BatchResponse {
  return { status: response.status, headers: response.headers, body: JSON.stringify(response.body), operations: [] };
}

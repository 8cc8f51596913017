import { randomUUID } from 'node:crypto';
import {
  type ApiResponse,
  DataverseErrorResponse,
  emptyResponse,
  errorCodes,
  errorResponse,
  jsonResponse,
} from './ApiResponse.js';
import { isGuid, parseResourcePath } from './entityPath.js';
import { xrmAttributes, xrmEntity } from './executionContext.js';
import { executeMerge } from './mergeAction.js';
import { matchesFilter } from './odataFilter.js';
import { parseQueryOptions, parseSelect, skipTokenFor } from './odataQuery.js';
import type { OperationEventSink } from './operationEvents.js';
import { parsePreferences } from './preferences.js';
import { columnValuesFromPayload, toDataverseInstant } from './rowPayload.js';
import { contextUrl, etagOf, rowRepresentation } from './rowRepresentation.js';
import type { Row, TableStore } from './TableStore.js';
import { type TableDefinition, initialValues, lookupValueColumn } from './tableDefinitions.js';

/** One request to the Web API, already read off the wire (directly or out of a `$batch`). */
export interface WebApiRequest {
  method: string;
  /** Below the API root, without the leading slash: "contacts(…)". */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: string;
}

export interface WebApiContext {
  store: TableStore;
  tables: Record<string, TableDefinition>;
  /** Absolute URL of the API root, for `OData-EntityId`, `@odata.context` and `@odata.nextLink`. */
  apiUrl: string;
  now: () => Date;
  /** Told about every update and merge that succeeded, for the webhooks (see operationEvents.ts). */
  onEvent?: OperationEventSink;
}

/** Dataverse's page size when the client states none. */
const defaultPageSize = 5000;

/**
 * Executes one entity request against the store. It runs synchronously from start to end, so no
 * other request can interleave with it (which is what makes a `$batch` change set atomic).
 */
export function executeWebApiRequest(request: WebApiRequest, context: WebApiContext): ApiResponse {
  try {
    return route(request, context);
  } catch (error) {
    if (error instanceof DataverseErrorResponse) return error.response;
    throw error;
  }
}

interface Target {
  entitySet: string;
  table: TableDefinition;
  id?: string;
}

function route(request: WebApiRequest, context: WebApiContext): ApiResponse {
  const method = request.method.toUpperCase();
  if (request.path === 'Merge') {
    if (method === 'POST') return executeMerge(request, context);
    return errorResponse(405, errorCodes.queryOrPayloadError, `The HTTP method '${method}' is not allowed on '${request.path}'.`);
  }
  const target = resolveTarget(request.path, context);
  if (target.id === undefined) {
    if (method === 'GET') return queryRows(request, target, context);
    if (method === 'POST') return createRow(request, target, context);
  } else {
    if (method === 'GET') return getRow(request, target as Required<Target>, context);
    if (method === 'PATCH') return upsertRow(request, target as Required<Target>, context);
    if (method === 'DELETE') return deleteRow(request, target as Required<Target>, context);
  }
  return errorResponse(405, errorCodes.queryOrPayloadError, `The HTTP method '${method}' is not allowed on '${request.path}'.`);
}

function resolveTarget(path: string, context: WebApiContext): Target {
  const resource = parseResourcePath(path);
  if (!resource) {
    throw new DataverseErrorResponse(400, errorCodes.queryOrPayloadError, `The Dataverse simulator does not support the resource path '${path}'.`);
  }
  const table = context.tables[resource.entitySet];
  if (!table) {
    throw new DataverseErrorResponse(404, errorCodes.resourceNotFoundForSegment, `Resource not found for the segment '${resource.entitySet}'.`);
  }
  if (resource.key === undefined) return { entitySet: resource.entitySet, table };
  const key = resource.key.startsWith(`${table.primaryKey}=`) ? resource.key.slice(table.primaryKey.length + 1) : resource.key;
  if (!isGuid(key)) {
    const message = key.includes('=')
      ? `The Dataverse simulator does not support alternate keys ('${resource.key}').`
      : 'Bad Request - Error in query syntax.';
    throw new DataverseErrorResponse(400, errorCodes.queryOrPayloadError, message);
  }
  return { entitySet: resource.entitySet, table, id: key.toLowerCase() };
}

function getRow(request: WebApiRequest, target: Required<Target>, context: WebApiContext): ApiResponse {
  const select = selectOf(request, target.table);
  const row = existingRow(target, context);
  if (request.headers.get('if-none-match') === etagOf(row)) return emptyResponse(304);
  return jsonResponse(200, {
    '@odata.context': contextUrl(context.apiUrl, target.entitySet, select, true),
    ...rowRepresentation(target.table, row, select),
  });
}

function queryRows(request: WebApiRequest, target: Target, context: WebApiContext): ApiResponse {
  const options = parseQueryOptions(request.query, target.table);
  const preferences = parsePreferences(request.headers.get('prefer'));
  const matching = context.store.all(target.entitySet).filter((row) => matchesFilter(row, options.filter));
  // $top returns at most that many rows on one page; Dataverse does not page a $top query.
  const pageSize = options.top ?? preferences.maxPageSize ?? defaultPageSize;
  const page = matching.slice(options.offset, options.offset + pageSize);
  const nextOffset = options.offset + page.length;
  const hasMore = options.top === undefined && nextOffset < matching.length;
  const body: Row = {
    '@odata.context': contextUrl(context.apiUrl, target.entitySet, options.select, false),
    value: page.map((row) => rowRepresentation(target.table, row, options.select)),
  };
  if (hasMore) body['@odata.nextLink'] = nextLink(request, target.entitySet, context, nextOffset, pageSize);
  const headers: Record<string, string> =
    preferences.maxPageSize !== undefined && options.top === undefined
      ? { 'Preference-Applied': `odata.maxpagesize=${preferences.maxPageSize}` }
      : {};
  return jsonResponse(200, body, headers);
}

function nextLink(request: WebApiRequest, entitySet: string, context: WebApiContext, offset: number, pageSize: number): string {
  const query = new URLSearchParams(request.query);
  query.set('$skiptoken', skipTokenFor(Math.floor(offset / pageSize) + 1, offset));
  return `${context.apiUrl}/${entitySet}?${query.toString().replaceAll('+', '%20')}`;
}

function createRow(request: WebApiRequest, target: Target, context: WebApiContext): ApiResponse {
  const values = columnValuesFromPayload(request.body, { ...target, tables: context.tables, store: context.store });
  const id = (values[target.table.primaryKey] as string | undefined) ?? randomUUID();
  if (context.store.get(target.entitySet, id)) {
    throw new DataverseErrorResponse(412, errorCodes.duplicateRecord, 'A record with matching key values already exists.');
  }
  const row = newRow(target, id, values, context);
  return writtenResponse(request, { ...target, id }, row, 'created', context);
}

/** PATCH is an upsert unless `If-Match` (update only) or `If-None-Match: *` (create only) says otherwise. */
function upsertRow(request: WebApiRequest, target: Required<Target>, context: WebApiContext): ApiResponse {
  const existing = context.store.get(target.entitySet, target.id);
  checkPreconditions(request.headers, target, existing);
  const values = columnValuesFromPayload(request.body, { ...target, tables: context.tables, store: context.store });
  if (!existing) return writtenResponse(request, target, newRow(target, target.id, values, context), 'created', context);
  const row: Row = {
    ...existing,
    ...values,
    modifiedon: toDataverseInstant(context.now()),
    versionnumber: context.store.nextVersion(),
  };
  context.store.put(target.entitySet, target.id, row);
  const written: Row = { [target.table.primaryKey]: target.id, ...values, modifiedon: row['modifiedon'] };
  context.onEvent?.({
    message: 'Update',
    entity: target.table.logicalName,
    id: target.id,
    target: xrmEntity(target.table.logicalName, target.id, xrmAttributes(target.table, written, context.tables, context.store)),
  });
  return writtenResponse(request, target, row, 'updated', context);
}

function deleteRow(request: WebApiRequest, target: Required<Target>, context: WebApiContext): ApiResponse {
  const existing = existingRow(target, context);
  checkPreconditions(request.headers, target, existing);
  context.store.delete(target.entitySet, target.id);
  clearLookupsTo(target, context);
  return emptyResponse(204);
}

function checkPreconditions(headers: Headers, target: Required<Target>, existing: Row | undefined): void {
  const ifMatch = headers.get('if-match');
  const ifNoneMatch = headers.get('if-none-match');
  if (ifMatch !== null) {
    if (!existing) throw notFound(target);
    if (ifMatch.trim() !== '*' && ifMatch.trim() !== etagOf(existing)) {
      throw new DataverseErrorResponse(
        412,
        errorCodes.concurrencyVersionMismatch,
        "The version of the existing record doesn't match the RowVersion property provided.",
      );
    }
  }
  if (ifNoneMatch?.trim() === '*' && existing) {
    throw new DataverseErrorResponse(412, errorCodes.duplicateRecord, 'A record with matching key values already exists.');
  }
}

function newRow(target: Target, id: string, values: Row, context: WebApiContext): Row {
  const now = toDataverseInstant(context.now());
  const row: Row = {
    ...initialValues(target.table),
    ...values,
    [target.table.primaryKey]: id,
    createdon: now,
    modifiedon: now,
    versionnumber: context.store.nextVersion(),
  };
  context.store.put(target.entitySet, id, row);
  return row;
}

function writtenResponse(
  request: WebApiRequest,
  target: Required<Target>,
  row: Row,
  outcome: 'created' | 'updated',
  context: WebApiContext,
): ApiResponse {
  const headers = { 'OData-EntityId': `${context.apiUrl}/${target.entitySet}(${target.id})` };
  if (!parsePreferences(request.headers.get('prefer')).returnRepresentation) return emptyResponse(204, headers);
  const select = selectOf(request, target.table);
  const body = { '@odata.context': contextUrl(context.apiUrl, target.entitySet, select, true), ...rowRepresentation(target.table, row, select) };
  return jsonResponse(outcome === 'created' ? 201 : 200, body, { ...headers, 'Preference-Applied': 'return=representation' });
}

/** Dataverse's default for most lookups on delete is to remove the link; the simulator does that for all. */
function clearLookupsTo(target: Required<Target>, context: WebApiContext): void {
  for (const [entitySet, table] of Object.entries(context.tables)) {
    const columns = Object.values(table.navigationProperties)
      .filter((navigation) => navigation.targetEntitySet === target.entitySet)
      .map((navigation) => lookupValueColumn(navigation.lookup));
    for (const row of context.store.all(entitySet)) {
      const linked = columns.filter((column) => row[column] === target.id);
      if (linked.length === 0) continue;
      const unlinked: Row = { ...row, ...Object.fromEntries(linked.map((column) => [column, null])), versionnumber: context.store.nextVersion() };
      context.store.put(entitySet, String(row[table.primaryKey]), unlinked);
    }
  }
}

function existingRow(target: Required<Target>, context: WebApiContext): Row {
  const row = context.store.get(target.entitySet, target.id);
  if (!row) throw notFound(target);
  return row;
}

function notFound(target: Required<Target>): DataverseErrorResponse {
  return new DataverseErrorResponse(404, errorCodes.objectDoesNotExist, `Entity '${target.table.logicalName}' With Id = ${target.id} Does Not Exist`);
}

function selectOf(request: WebApiRequest, table: TableDefinition): string[] | undefined {
  const select = request.query.get('$select');
  return select === null ? undefined : parseSelect(select, table);
}

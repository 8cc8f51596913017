import { z } from 'zod';
import { permissions, routeKey } from '../access/permissions.js';
import { auditedRoutes } from '../access/auditedRoutes.js';
import { problemSchema } from '../problem.js';
import { type RouteDoc, routeDocs } from './routeDocs.js';

interface AppRoute {
  method: string;
  path: string;
}

const statusText: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 400: 'The request is not valid (the fields are named)', 401: 'No valid Entra ID access token (or webhook signature)',
  403: 'Signed in, but no role allowed here (the roles needed are named)', 404: 'No such record', 409: 'Conflicts with the state things are in', 413: 'The body is larger than the route takes',
  415: 'The body is not of the media type the route takes', 503: 'A dependency (sign-in keys, the audit log, storage) is not available; try again',
};

/**
 * [Brugerrettigheder] The engine's OpenAPI 3.1 description, generated from the app's own routes, the
 * permission table (roles per route), the audit table and the routes' zod schemas. Errors are RFC
 * 9457 problem details.
 */
export function openApiDocument(appRoutes: readonly AppRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const key of uniqueRouteKeys(appRoutes)) {
    const [method, path] = key.split(' ') as [string, string];
    (paths[openApiPath(path)] ??= {})[method.toLowerCase()] = operation(key, path);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'MS engine',
      version: '1',
      description: 'The integration engine of Mellemfolkeligt Samvirke. Staff routes (/admin) take an Entra ID access token for the engine app registration; each says the app roles allowed (x-roles). Errors are RFC 9457 problem details (application/problem+json) with `error` (a code), `message` and, for bad input, `fields`.',
    },
    components: {
      securitySchemes: { entraId: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Entra ID v2.0 access token for the engine app registration; app roles in `roles`, team groups in `groups`.' } },
      schemas: { Problem: jsonSchema(problemSchema) },
    },
    paths,
  };
}

/** Every route the app answers, once (middleware and repeated registrations left out). */
export function uniqueRouteKeys(appRoutes: readonly AppRoute[]): string[] {
  return [...new Set(appRoutes.filter((route) => route.method !== 'ALL').map((route) => routeKey(route.method, route.path)))];
}

function operation(key: string, path: string): Record<string, unknown> {
  const doc: RouteDoc = routeDocs[key] ?? { summary: 'not described', success: { status: 200, description: 'OK' } };
  const roles = permissions[key];
  const pathParams = [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  const audit = auditedRoutes[key];
  return {
    operationId: key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, ''),
    summary: doc.summary,
    ...(roles && { description: `Roles: ${roles.join(', ')}.${audit ? ` Audited (${audit.kind}); say why with X-Audit-Purpose.` : ''}`, 'x-roles': roles, security: [{ entraId: [] }] }),
    ...(audit && { 'x-audit': audit.kind }),
    parameters: [...pathParams.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })), ...queryParameters(doc.query)],
    ...(doc.body && { requestBody: requestBody(doc.body) }),
    responses: responses(doc, { admin: roles !== undefined, hasInput: !!(doc.query || doc.body || pathParams.length), hasBody: !!doc.body, hasId: pathParams.length > 0 }),
  };
}

function queryParameters(query: z.ZodType | undefined): Record<string, unknown>[] {
  if (!query) return [];
  const schema = jsonSchema(query) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: property }));
}

function requestBody(body: z.ZodType | 'csv'): Record<string, unknown> {
  if (body === 'csv') return { required: true, content: { 'text/csv': { schema: { type: 'string', description: 'UTF-8 (with or without BOM) or Windows-1252 CSV, as Excel saves it' } } } };
  return { required: true, content: { 'application/json': { schema: jsonSchema(body) } } };
}

function responses(doc: RouteDoc, route: { admin: boolean; hasInput: boolean; hasBody: boolean; hasId: boolean }): Record<string, unknown> {
  const { status, description, csv, schema } = doc.success;
  const body = schema ? jsonSchema(schema, 'output') : { type: 'object', description };
  const success = status === 204 ? { description } : { description, content: { 'application/json': { schema: body }, ...(csv && { 'text/csv': { schema: { type: 'string' } } }) } };
  const errors = new Set<number>(doc.errors ?? []);
  if (route.hasInput) errors.add(400);
  if (route.hasId) errors.add(404);
  if (route.hasBody) [413, 415].forEach((code) => errors.add(code));
  if (route.admin) [401, 403, 503].forEach((code) => errors.add(code));
  const problem = (code: number) => [String(code), { description: statusText[code] ?? 'Error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }];
  return { [String(status)]: success, ...Object.fromEntries([...errors].sort().map(problem)) };
}

function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

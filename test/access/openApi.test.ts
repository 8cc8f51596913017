import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions } from '../../handlers/http/access/permissions.js';
import { uniqueRouteKeys } from '../../handlers/http/openapi/openApiDocument.js';
import { routeDocs } from '../../handlers/http/openapi/routeDocs.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { adminHeaders, personIdOf, startTestStack } from '../support/testStack.js';

let stack: LocalStack;
type Operation = { summary: string; 'x-roles'?: string[]; parameters: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }; responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> };
let document: { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

beforeAll(async () => {
  stack = await startTestStack();
  document = (await (await fetch(`${stack.engineUrl}/openapi.json`)).json()) as typeof document;
});
afterAll(() => stack.stop());

const operationOf = (key: string) => {
  const [method, path] = key.split(' ') as [string, string];
  return document.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
};

describe('[Brugerrettigheder] the API description', () => {
  it('[Brugerrettigheder] OpenAPI 3.1 lists every route the app has, each described, staff routes with their roles and the errors they answer', () => {
    expect(document.openapi).toBe('3.1.0');
    const routes = uniqueRouteKeys(stack.engine.http.routes);
    expect(routes.filter((route) => !operationOf(route))).toEqual([]);
    expect(routes.filter((route) => !(route in routeDocs))).toEqual([]);
    expect(Object.keys(routeDocs).filter((route) => !routes.includes(route))).toEqual([]);
    for (const route of routes.filter((key) => key.includes(' /admin/'))) {
      const operation = operationOf(route)!;
      expect(operation['x-roles'], route).toEqual(permissions[route]);
      expect(Object.keys(operation.responses), route).toEqual(expect.arrayContaining(['401', '403']));
      expect(operation.responses['403']!.content!['application/problem+json']!.schema).toEqual({ $ref: '#/components/schemas/Problem' });
    }
  });

  it('[Brugerrettigheder] request shapes come from the routes\' own zod schemas', () => {
    const stopListAdd = operationOf('POST /admin/stop-list')!;
    const body = stopListAdd.requestBody!.content['application/json']!.schema as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['phone', 'email', 'requestedAt', 'sms', 'telemarketing', 'source']));
    expect(body.required).toEqual(expect.arrayContaining(['requestedAt', 'sms', 'telemarketing', 'source']));
    expect(operationOf('GET /admin/audit-log')!.parameters.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(['personId', 'actorId', 'pageSize', 'continuationToken']));
    expect(operationOf('GET /admin/persons/:id')!.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path' }));
    expect(operationOf('POST /admin/imports/signatures')!.requestBody!.content).toHaveProperty(['text/csv']);
  });

  it('[Brugerrettigheder] the answers described by a schema really have that shape (each is parsed with it), and the description carries the schema', async () => {
    stack.onlineFundraising.put('contact', 'oa-1', { first_name: 'Nina', last_name: 'Vang', email: 'nina@example.dk', phone: '27 11 22 33', consents: [{ channel: 'email', given: true, at: '2026-10-01T09:00:00.000Z', source: 'X' }] });
    await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: 'oa-1', event: 'created' });
    const personId = personIdOf('oa-1');
    await eventually(() => expect(stack.dataverse.row('contacts', personId)).toBeDefined());
    const call = async (method: string, path: string, body?: unknown) =>
      fetch(`${stack.engineUrl}${path}`, { method, headers: { ...(await adminHeaders(stack)), ...(body !== undefined && { 'content-type': 'application/json' }) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
    const job = (await (await call('POST', '/admin/jobs/export-datasets/run')).json()) as { id: string };
    const entry = (await (await call('POST', '/admin/stop-list', { phone: '+45 27 11 22 33', requestedAt: '2026-11-20', sms: true, telemarketing: false, source: 'medlemsservice' })).json()) as { id: string };
    const calls: [string, string, unknown?][] = [
      ['GET /admin/persons/:id', `/admin/persons/${personId}`],
      ['GET /admin/persons/:id/consents', `/admin/persons/${personId}/consents`],
      ['POST /admin/persons/:id/consents', `/admin/persons/${personId}/consents`, { changes: [{ channel: 'sms', topic: 'all', action: 'granted' }] }],
      ['PUT /admin/persons/:id/cpr', `/admin/persons/${personId}/cpr`, { cpr: '120480-1234' }],
      ['GET /admin/persons/:id/cpr', `/admin/persons/${personId}/cpr`],
      ['GET /admin/persons/:id/export', `/admin/persons/${personId}/export`],
      ['GET /admin/stop-list', '/admin/stop-list'],
      ['GET /admin/stop-list/:id', `/admin/stop-list/${entry.id}`],
      ['POST /admin/stop-list/check', '/admin/stop-list/check', { phones: ['+4527112233'], purpose: 'sms' }],
      ['GET /admin/audit-log', `/admin/audit-log?personId=${personId}`],
      ['GET /admin/petitions/:petitionId/counts', '/admin/petitions/any/counts'],
      ['GET /admin/team-limits', '/admin/team-limits'],
      ['POST /admin/segments/filter', '/admin/segments/filter', { channel: 'email', personIds: [personId] }],
      ['GET /admin/jobs/runs/:id', `/admin/jobs/runs/${job.id}`],
      ['GET /admin/dead-letters', '/admin/dead-letters'],
    ];
    for (const [route, path, body] of calls) {
      const schema = routeDocs[route]!.success.schema!;
      expect(schema, route).toBeDefined();
      const response = await call(route.split(' ')[0]!, path, body);
      expect(response.status, route).toBeLessThan(300);
      const parsed = schema.safeParse(await response.json());
      expect(parsed.success ? [] : parsed.error.issues, route).toEqual([]);
      const described = Object.values(operationOf(route)!.responses)[0]!.content!['application/json']!.schema;
      expect(described, route).toHaveProperty('properties');
    }
  });

  it('[NFR-Input] errors are RFC 9457 problem details with the engine\'s code and the bad fields', async () => {
    const response = await fetch(`${stack.engineUrl}/admin/audit-log?pageSize=0&personId=x`, { headers: await adminHeaders(stack) });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ type: 'urn:ms-engine:problem:invalid_request', title: 'Bad Request', status: 400, instance: '/admin/audit-log', error: 'invalid_request', fields: [{ field: 'pageSize' }] });
    expect(document.components.schemas).toHaveProperty('Problem');
  });
});

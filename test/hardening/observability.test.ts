import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLogger } from '../../adapters/system/jsonLogger.js';
import { settableClock } from '../../adapters/system/settableClock.js';
import { unresolvedKeyVaultReferences } from '../../adapters/system/unresolvedSecrets.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { adminHeaders, personIdOf, startTestStack, testStackStartsAt } from '../support/testStack.js';

type LogLine = Record<string, unknown> & { message: string };

describe('[NFR-Observability] one notification can be followed', () => {
  let stack: LocalStack;
  const lines: LogLine[] = [];
  const clock = settableClock(testStackStartsAt);

  beforeAll(async () => {
    stack = await startTestStack({ clock, logger: jsonLogger({ service: 'ms-engine' }, (_level, line) => lines.push(JSON.parse(line) as LogLine)) });
  });
  afterAll(() => stack.stop());

  it('[NFR-Observability] every log line of a notification, from the webhook through its failures, dead letter and replay to the CRM write, carries one correlation id', async () => {
    stack.onlineFundraising.put('contact', 'obs-1', { first_name: 'Olga', last_name: 'Spor', email: 'obs-1@example.dk' });
    stack.dataverse.injectFault({ method: 'PATCH', path: '/api/data/v9.2/contacts(*)', status: 503, times: 100_000 });
    const delivery = await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: 'obs-1', event: 'created' });
    const { messageId } = JSON.parse(delivery.responseBody) as { messageId: string };
    const accepted = lines.find((line) => line.message === 'webhook accepted' && line.messageId === messageId)!;
    expect(accepted).toMatchObject({ source: 'onlinefundraising', notificationId: expect.any(String), entity: 'contact', entityId: 'obs-1', correlationId: expect.any(String) });
    const { correlationId } = accepted;

    // Failing against the CRM until given up, then dead; replayed once the CRM is back.
    await eventually(() => expect(lines.some((line) => line.message === 'queue message failed; it is tried again later' && line.messageId === messageId)).toBe(true));
    clock.advance(6 * 60 * 60_000);
    await eventually(() => expect(lines.some((line) => line.message === 'message dead-lettered' && line.messageId === messageId)).toBe(true), 30_000);
    stack.dataverse.clearFaults();
    expect((await fetch(`${stack.engineUrl}/admin/dead-letters/${messageId}/replay`, { method: 'POST', headers: await adminHeaders(stack) })).status).toBe(202);
    await eventually(() => expect(stack.dataverse.row('contacts', personIdOf('obs-1'))).toBeDefined());
    await eventually(() => expect(lines.some((line) => line.message === 'person synchronised from OnlineFundraising' && line.messageId === messageId)).toBe(true));

    const ofThisWork = lines.filter((line) => line.messageId === messageId);
    expect(new Set(ofThisWork.map((line) => line.correlationId))).toEqual(new Set([correlationId]));
    expect(new Set(ofThisWork.map((line) => line.message))).toEqual(
      new Set(['webhook accepted', 'queue message failed; it is tried again later', 'queue message failed', 'message dead-lettered', 'person synchronised from OnlineFundraising']),
    );
    // The CRM was written in that work: the person's line says so, under the same id.
    expect(ofThisWork.find((line) => line.message === 'person synchronised from OnlineFundraising')).toMatchObject({ personId: personIdOf('obs-1') });
  });

  it('[NFR-Observability][NFR-Input] an admin request answers with its correlation id, a caller\'s own is kept, a refusal is logged under it, and a field can never overwrite a line\'s message', async () => {
    const own = await fetch(`${stack.engineUrl}/admin/dead-letters`, { headers: { ...(await adminHeaders(stack)), 'x-correlation-id': 'case-4711' } });
    expect(own.headers.get('x-correlation-id')).toBe('case-4711');
    const fresh = await fetch(`${stack.engineUrl}/admin/dead-letters`, { headers: { ...(await adminHeaders(stack)), 'x-correlation-id': 'not acceptable!' } });
    expect(fresh.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);

    // [NFR-Input] A refused request is logged under its correlation id, without what was sent.
    expect((await fetch(`${stack.engineUrl}/admin/persons/not-an-id`, { headers: { ...(await adminHeaders(stack)), 'x-correlation-id': 'case-4712' } })).status).toBe(400);
    expect(lines.find((line) => line.correlationId === 'case-4712')).toMatchObject({ message: 'request answered with a client error', status: 400, path: '/admin/persons/not-an-id' });

    const written: LogLine[] = [];
    jsonLogger({}, (_level, line) => written.push(JSON.parse(line) as LogLine)).info('webhook accepted', { message: 'Update', level: 'debug' });
    expect(written[0]).toMatchObject({ message: 'webhook accepted', level: 'info', 'field.message': 'Update', 'field.level': 'debug' });
  });
});

describe('[NFR-Observability] readiness', () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack.stop().catch(() => undefined); // its stand-ins were stopped by the test
  });

  const ready = async () => {
    const response = await fetch(`${stack.engineUrl}/health/ready`);
    return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, string>; failing?: string[] } };
  };

  it('[NFR-Observability] /health/ready answers 200 when Cosmos DB, the queues and the secrets are there, and 503 naming each dependency that fails', async () => {
    expect(await ready()).toEqual({ status: 200, body: { status: 'ready', checks: { cosmos: 'ok', queues: 'ok', keyVault: 'ok' } } });

    await stack.azurite.close();
    const withoutQueues = await ready();
    expect(withoutQueues.status).toBe(503);
    expect(withoutQueues.body).toMatchObject({ status: 'not_ready', failing: ['queues'], checks: { cosmos: 'ok', queues: expect.stringMatching(/^failing: /) } });

    await stack.cosmos.close();
    expect((await ready()).body.failing).toEqual(['cosmos', 'queues']);
    // /health stays a liveness probe that touches nothing.
    expect((await fetch(`${stack.engineUrl}/health`)).status).toBe(200);
  });

  it('[NFR-Observability] a secret App Service could not read from Key Vault is named by its setting', () => {
    const config = { onlineFundraising: { apiKey: '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/of-api-key/1)', apiUrl: 'https://of' }, admin: { apiKey: 'resolved' } };
    expect(unresolvedKeyVaultReferences(config)).toEqual(['onlineFundraising.apiKey']);
  });
});

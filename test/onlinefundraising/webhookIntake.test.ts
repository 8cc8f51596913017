import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineEnvironment } from '../support/offlineEnvironment.js';
import { QueueClient } from '@azure/storage-queue';
import { CosmosClient } from '@azure/cosmos';
import { signWebhook } from '../../adapters/onlinefundraising/webhookSignature.js';
import { ensureCosmosContainers } from '../../adapters/cosmos/containers.js';
import { silentLogger } from '../../adapters/system/jsonLogger.js';
import { loadConfig } from '../../handlers/config.js';
import { type Engine, createEngine } from '../../handlers/engine.js';
import { queueNames } from '../../handlers/queue/queueNames.js';
import { type RunningAzurite, startAzurite } from '../../local/standins/azurite.js';
import { type RunningCosmos, startCosmos } from '../../local/standins/cosmos.js';
import { localCredentials } from '../../local/stack.js';
import { type SignInSimulator, startSignInSimulator } from '../../local/simulators/signin/server.js';
import { localSignIn } from '../../local/simulators/signin/localStaff.js';

// The engine's HTTP app alone, with no queue consumer running, so what lands on the queue can be counted.
let azurite: RunningAzurite;
let cosmos: RunningCosmos;
let engine: Engine;
let inbox: QueueClient;
let signIn: SignInSimulator;
const secret = localCredentials.ofWebhookSecret;

beforeAll(async () => {
  [azurite, cosmos, signIn] = await Promise.all([startAzurite(), startCosmos(), startSignInSimulator()]);
  await ensureCosmosContainers(new CosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, connectionPolicy: { enableEndpointDiscovery: false } }), 'ms-engine');
  const config = loadConfig(
    offlineEnvironment({ COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: cosmos.key, AzureWebJobsStorage: azurite.connectionString, OF_WEBHOOK_SECRET: secret, STAFF_AUTH_ISSUER: signIn.issuer, STAFF_AUTH_TENANT_ID: localSignIn.tenantId, STAFF_AUTH_AUDIENCE: localSignIn.engineClientId }),
  );
  engine = createEngine({ config, logger: silentLogger });
  await engine.queues.ensureQueues([queueNames.onlineFundraisingNotifications]);
  inbox = new QueueClient(azurite.connectionString, queueNames.onlineFundraisingNotifications);
});
afterAll(async () => {
  engine.dispose();
  await Promise.all([azurite.close(), cosmos.close(), signIn.close()]);
});

const notification = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    notificationId: 'c0a80101-0000-4000-8000-000000000001',
    entity: 'contact',
    entityId: 'of-1',
    event: 'created',
    occurredAt: '2026-11-24T10:00:00Z',
    ...overrides,
  });

const post = (body: string, headers: Record<string, string>) =>
  engine.http.request('/webhooks/onlinefundraising', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

const queued = async () => (await inbox.getProperties()).approximateMessagesCount ?? 0;

describe('[OnlineFundraising1] the OF webhook only accepts signed, valid notifications', () => {
  it('[OnlineFundraising1] a bad signature is refused with 401 and nothing is enqueued', async () => {
    const body = notification();
    const wrongSecret = await post(body, signWebhook('not-the-secret-at-all', body, new Date()));
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({ error: 'invalid_signature' });
    const tampered = await post(notification({ entityId: 'of-2' }), signWebhook(secret, body, new Date()));
    expect(tampered.status).toBe(401);
    const unsigned = await post(body, {});
    expect(unsigned.status).toBe(401);
    expect(await queued()).toBe(0);
  });

  it('[OnlineFundraising1] a notification signed outside the replay window is refused with 401', async () => {
    const body = notification();
    const response = await post(body, signWebhook(secret, body, new Date(Date.now() - 10 * 60_000)));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: expect.stringContaining('timestamp_outside_window') });
    expect(await queued()).toBe(0);
  });

  it('[OnlineFundraising1] a malformed body is refused with 400 naming each bad field, and nothing is enqueued', async () => {
    const body = notification({ entityId: '', event: 'deleted', occurredAt: 'yesterday' });
    const response = await post(body, signWebhook(secret, body, new Date()));
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { error: string; fields: { field: string }[] };
    expect(problem.error).toBe('invalid_request');
    expect(problem.fields.map((f) => f.field).sort()).toEqual(['entityId', 'event', 'occurredAt']);
    const notJson = 'this is not json';
    expect((await post(notJson, signWebhook(secret, notJson, new Date()))).status).toBe(400);
    expect(await queued()).toBe(0);
  });

  it('[OnlineFundraising1] an unknown entity is refused with 400 naming the entity field', async () => {
    const body = notification({ entity: 'newsletter' });
    const response = await post(body, signWebhook(secret, body, new Date()));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['entity']);
    expect(await queued()).toBe(0);
  });

  it('[OnlineFundraising1] a valid signed notification is answered 202 and enqueued exactly once, not processed inline', async () => {
    const body = notification();
    const response = await post(body, signWebhook(secret, body, new Date()));
    expect(response.status).toBe(202);
    const { messageId } = (await response.json()) as { messageId: string };
    expect(await queued()).toBe(1);
    const [message] = (await inbox.peekMessages()).peekedMessageItems;
    const item = JSON.parse(Buffer.from(message!.messageText, 'base64').toString('utf8'));
    expect(item).toMatchObject({ messageId, kind: 'onlinefundraising-notification', body: { entity: 'contact', entityId: 'of-1' } });
  });
});

describe('admin routes', () => {
  it('[Brugerrettigheder] are closed without a staff token (401) and open with one', async () => {
    expect((await engine.http.request('/admin/dead-letters')).status).toBe(401);
    const wrong = await engine.http.request('/admin/dead-letters', { headers: { authorization: 'Bearer wrong' } });
    expect(wrong.status).toBe(401);
    const replay = await engine.http.request('/admin/dead-letters/x/replay', { method: 'POST' });
    expect(replay.status).toBe(401);
    const right = await engine.http.request('/admin/dead-letters', { headers: { authorization: `Bearer ${await signIn.tokenForColleague('Administrator')}` } });
    expect(right.status).toBe(200);
    expect(await right.json()).toEqual({ items: [] });
  });

  it('answer 400 naming the field for a bad page size, and 404 for replaying an unknown letter', async () => {
    const headers = { authorization: `Bearer ${await signIn.tokenForColleague('Administrator')}` };
    const bad = await engine.http.request('/admin/dead-letters?pageSize=5000', { headers });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fields: { field: string }[] }).fields[0]!.field).toBe('pageSize');
    const unknown = await engine.http.request('/admin/dead-letters/00000000-0000-4000-8000-000000000404/replay', { method: 'POST', headers });
    expect(unknown.status).toBe(404);
  });
});

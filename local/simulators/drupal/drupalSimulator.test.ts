import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../../adapters/onlinefundraising/webhookSignature.js';
import { drupalNotificationSchema } from '../../../handlers/queue/drupalNotificationSchema.js';
import { eventually } from '../../../test/support/eventually.js';
import { type WebhookReceiver, startWebhookReceiver } from '../onlinefundraising/startWebhookReceiver.js';
import { type DrupalSimulator, startDrupalSimulator } from './server.js';

const username = 'engine-api';
const password = 'test-drupal-password';
const webhookSecret = 'test-drupal-webhook-secret';
const authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
let sim: DrupalSimulator;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver(202);
  sim = await startDrupalSimulator({ username, password, webhookSecret, webhookTargetUrl: receiver.url });
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});
beforeEach(() => {
  sim.put('petition_klima', '17', { first_name: 'Anna', email: 'anna@example.dk', newsletter: '1' }, '2026-11-24T10:00:00.000Z');
});
afterEach(() => {
  sim.reset();
  sim.setWebhookTarget(receiver.url);
  receiver.received.length = 0;
});

function getSubmission(path = '/webform_rest/petition_klima/submission/17?_format=json', headers: Record<string, string> = { authorization }): Promise<Response> {
  return fetch(`${sim.url}${path}`, { headers });
}

function control(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${sim.url}/_sim${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

describe('webform_rest submission resource', () => {
  it('[OnlineFundraising15] answers a seeded submission as webform_rest does: the entity’s fields as item lists, and its data', async () => {
    const response = await getSubmission();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as { entity: Record<string, unknown>; data: unknown };
    expect(body.entity).toMatchObject({
      serial: [{ value: 1 }],
      sid: [{ value: 17 }],
      uuid: [{ value: expect.stringMatching(/^[0-9a-f-]{36}$/) }],
      created: [{ value: '2026-11-24T10:00:00+00:00', format: 'Y-m-d\\TH:i:sP' }],
      completed: [{ value: '2026-11-24T10:00:00+00:00', format: 'Y-m-d\\TH:i:sP' }],
      in_draft: [{ value: false }],
      webform_id: [{ target_id: 'petition_klima', target_type: 'webform' }],
    });
    expect(body.data).toEqual({ first_name: 'Anna', email: 'anna@example.dk', newsletter: '1' });
  });

  it('answers 401 with a Basic challenge without credentials or with wrong ones', async () => {
    const missing = await getSubmission(undefined, {});
    const wrong = await getSubmission(undefined, { authorization: `Basic ${Buffer.from(`${username}:nope`).toString('base64')}` });

    for (const response of [missing, wrong]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="ms.dk"');
      expect(await response.json()).toEqual({ message: 'No authentication credentials provided.' });
    }
  });

  it('answers 404 for an unknown submission or a submission of another form, and 406 without ?_format=json', async () => {
    const unknown = await getSubmission('/webform_rest/petition_klima/submission/999?_format=json');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: "Can't load webform submission." });
    expect((await getSubmission('/webform_rest/newsletter/submission/17?_format=json')).status).toBe(404);
    expect((await getSubmission('/webform_rest/petition_klima/submission/17')).status).toBe(406);
  });

  it('sends `data: []` for a submission without data, as PHP encodes an empty array', async () => {
    sim.put('newsletter', '18', {});

    expect(((await (await getSubmission('/webform_rest/newsletter/submission/18?_format=json')).json()) as { data: unknown }).data).toEqual([]);
  });
});

describe('control API: seeding', () => {
  it('creates (201) and replaces (200) a submission with PUT /_sim/webforms/<form>/submissions/<sid>, keeping its uuid and created', async () => {
    const created = await control('PUT', '/webforms/contact_form/submissions/20', { data: { message: 'Hej' }, createdAt: '2026-11-24T12:30:00+01:00' });
    expect(created.status).toBe(201);
    const first = (await created.json()) as { uuid: string };

    const replaced = await control('PUT', '/webforms/contact_form/submissions/20', { data: { message: 'Hej igen' } });
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({ uuid: first.uuid, createdAt: '2026-11-24T12:30:00+01:00', data: { message: 'Hej igen' } });

    const body = (await (await getSubmission('/webform_rest/contact_form/submission/20?_format=json')).json()) as { entity: { created: unknown }; data: unknown };
    expect(body.entity.created).toEqual([{ value: '2026-11-24T11:30:00+00:00', format: 'Y-m-d\\TH:i:sP' }]);
    expect(body.data).toEqual({ message: 'Hej igen' });
  });

  it('refuses a body without a data object, lists submissions, and deletes one', async () => {
    expect((await control('PUT', '/webforms/contact_form/submissions/20', { message: 'Hej' })).status).toBe(400);

    const listed = (await (await control('GET', '/submissions')).json()) as { submissions: { formId: string; submissionId: string }[] };
    expect(listed.submissions.map(({ formId, submissionId }) => ({ formId, submissionId }))).toEqual([{ formId: 'petition_klima', submissionId: '17' }]);

    expect((await control('DELETE', '/webforms/petition_klima/submissions/17')).status).toBe(204);
    expect((await control('DELETE', '/webforms/petition_klima/submissions/17')).status).toBe(404);
    expect((await getSubmission()).status).toBe(404);
  });
});

describe('control API: failures and the request log', () => {
  it('throttles the next N matching requests with 429 and Retry-After, then answers normally', async () => {
    const rule = await control('POST', '/faults', { method: 'GET', path: '/webform_rest/*/submission/*', status: 429, retryAfterSeconds: 7, times: 2 });
    expect(rule.status).toBe(201);

    const answers = [await getSubmission(), await getSubmission(), await getSubmission()];

    expect(answers.map((response) => response.status)).toEqual([429, 429, 200]);
    expect(answers[0]?.headers.get('retry-after')).toBe('7');
    expect(await answers[0]?.json()).toEqual({ message: 'fault injected by the simulator' });
  });

  it('answers a 5xx, with the rule’s own body when it has one, and lists and clears pending rules', async () => {
    sim.injectFault({ path: '/webform_rest/**', status: 502, times: 3, body: '<html>Bad Gateway</html>' });

    const failed = await getSubmission();
    expect(failed.status).toBe(502);
    expect(await failed.json()).toBe('<html>Bad Gateway</html>');
    expect(((await (await control('GET', '/faults')).json()) as { faults: unknown[] }).faults).toMatchObject([{ status: 502, remaining: 2 }]);

    expect((await control('DELETE', '/faults')).status).toBe(204);
    expect((await getSubmission()).status).toBe(200);
  });

  it('answers late with only a delay, and logs a request whose client gave up as 499', async () => {
    sim.injectFault({ path: '/webform_rest/**', delayMs: 200 });
    expect((await getSubmission()).status).toBe(200);

    sim.injectFault({ path: '/webform_rest/**', delayMs: 60_000 });
    const abandoned = await fetch(`${sim.url}/webform_rest/petition_klima/submission/17?_format=json`, {
      headers: { authorization },
      signal: AbortSignal.timeout(100),
    }).catch((error: unknown) => error);

    expect(abandoned).toBeInstanceOf(Error);
    await eventually(() => expect(sim.requests().map((request) => request.status)).toEqual([200, 499]));
  });

  it('logs webform_rest requests with their query (401s and 404s too) but not the control API, and forgets on reset', async () => {
    await getSubmission(undefined, {});
    await getSubmission('/webform_rest/petition_klima/submission/999?_format=json');
    await control('GET', '/submissions');

    const logged = (await (await control('GET', '/requests')).json()) as { requests: { method: string; path: string; query: string; status: number }[] };
    expect(logged.requests.map(({ method, path, query, status }) => ({ method, path, query, status }))).toEqual([
      { method: 'GET', path: '/webform_rest/petition_klima/submission/17', query: '_format=json', status: 401 },
      { method: 'GET', path: '/webform_rest/petition_klima/submission/999', query: '_format=json', status: 404 },
    ]);

    expect((await control('POST', '/reset')).status).toBe(204);
    expect(sim.requests()).toEqual([]);
    expect((await getSubmission()).status).toBe(404);
  });
});

describe('webhooks', () => {
  it('[OnlineFundraising15] sendWebhook POSTs the notification signed so that verifyWebhook accepts it with the Drupal secret only', async () => {
    const delivery = await sim.sendWebhook({ formId: 'petition_klima', submissionId: '17', event: 'created' });

    expect(delivery).toMatchObject({ targetUrl: receiver.url, status: 202, responseBody: '{"received":true}' });
    const [webhook] = receiver.received;
    if (!webhook) throw new Error('no webhook received');
    expect(webhook.method).toBe('POST');
    expect(webhook.headers['content-type']).toBe('application/json');
    const body = JSON.parse(webhook.rawBody) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['event', 'formId', 'notificationId', 'occurredAt', 'submissionId']);
    expect(drupalNotificationSchema.parse(body)).toEqual({
      notificationId: delivery.notification.notificationId,
      formId: 'petition_klima',
      submissionId: '17',
      event: 'created',
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(verifyWebhook({ secret: webhookSecret, rawBody: webhook.rawBody, headers: webhook.headers, now: new Date() })).toEqual({ ok: true });
    expect(verifyWebhook({ secret: 'the-of-secret', rawBody: webhook.rawBody, headers: webhook.headers, now: new Date() })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('POST /_sim/webhooks/send sends updated and deleted notifications, each with its own id, and reports the target’s answer', async () => {
    const updated = await control('POST', '/webhooks/send', { formId: 'petition_klima', submissionId: '17', event: 'updated' });
    await control('POST', '/webhooks/send', { formId: 'petition_klima', submissionId: '17', event: 'deleted' });

    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ targetStatus: 202, targetUrl: receiver.url, notification: { event: 'updated' } });
    const sent = receiver.received.map((webhook) => JSON.parse(webhook.rawBody) as { notificationId: string; event: string });
    expect(sent.map((notification) => notification.event)).toEqual(['updated', 'deleted']);
    expect(new Set(sent.map((notification) => notification.notificationId)).size).toBe(2);
  });

  it('answers 409 without a target, 502 when the target cannot be reached, and 400 to an unknown event', async () => {
    expect((await control('PUT', '/webhooks/target', { url: null })).status).toBe(200);
    expect((await control('POST', '/webhooks/send', { formId: 'petition_klima', submissionId: '17', event: 'created' })).status).toBe(409);

    const gone = await startWebhookReceiver();
    await gone.close();
    sim.setWebhookTarget(gone.url);
    const unreachable = await control('POST', '/webhooks/send', { formId: 'petition_klima', submissionId: '17', event: 'created' });
    expect(unreachable.status).toBe(502);
    expect(await unreachable.json()).toMatchObject({ error: { code: 'webhook_not_delivered' } });

    expect((await control('POST', '/webhooks/send', { formId: 'petition_klima', submissionId: '17', event: 'submitted' })).status).toBe(400);
  });

  it('POST /_sim/demo/petition stores a realistic petition signature with the next sid and notifies its creation', async () => {
    const response = await control('POST', '/demo/petition');

    expect(response.status).toBe(201);
    const report = (await response.json()) as { formId: string; submissionId: string; notificationId: string; engineStatus: number; message: string };
    expect(report).toMatchObject({ formId: 'petition_klima', submissionId: '18', engineStatus: 202 });
    expect(report.message).toContain('the engine answered 202');
    const body = (await (await getSubmission('/webform_rest/petition_klima/submission/18?_format=json')).json()) as { data: Record<string, string> };
    expect(body.data).toMatchObject({
      first_name: expect.any(String),
      email: expect.stringMatching(/@example\.dk$/),
      phone: expect.stringMatching(/^\d\d \d\d \d\d \d\d$/),
      postal_code: expect.stringMatching(/^\d{4}$/),
      newsletter: expect.stringMatching(/^[01]$/),
    });
    expect(JSON.parse(receiver.received[0]?.rawBody ?? '{}')).toMatchObject({ notificationId: report.notificationId, submissionId: '18', event: 'created' });
  });
});

import { describe, expect, it } from 'vitest';
import { onlineFundraisingNotificationSchema } from '../../../adapters/onlinefundraising/notification.js';
import { verifyWebhook } from '../../../adapters/onlinefundraising/webhookSignature.js';
import { toE164 } from '../../../domain/person/phoneNumber.js';
import { useSimulatorWithReceiver } from './simulatorWithReceiver.js';
import { startWebhookReceiver } from './startWebhookReceiver.js';

const apiKey = 'test-api-key';
const webhookSecret = 'test-webhook-secret';

const running = useSimulatorWithReceiver({ apiKey, webhookSecret });

function post(path: string, body?: unknown): Promise<Response> {
  return fetch(`${running.sim.url}/_sim${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

describe('POST /_sim/webhooks/send', () => {
  it('POSTs exactly the notification body, signed so that verifyWebhook accepts it, and reports the target’s answer', async () => {
    const response = await post('/webhooks/send', { entity: 'contact', entityId: 'c-1001', event: 'updated' });

    expect(response.status).toBe(200);
    const report = (await response.json()) as { notification: { notificationId: string }; targetStatus: number; targetUrl: string };
    expect(report).toMatchObject({ targetStatus: 202, targetUrl: running.receiver.url, targetResponse: '{"received":true}' });

    expect(running.receiver.received).toHaveLength(1);
    const [webhook] = running.receiver.received;
    if (!webhook) throw new Error('no webhook received');
    expect(webhook.method).toBe('POST');
    expect(webhook.headers['content-type']).toBe('application/json');
    const body = JSON.parse(webhook.rawBody) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['entity', 'entityId', 'event', 'notificationId', 'occurredAt']);
    expect(onlineFundraisingNotificationSchema.parse(body)).toEqual({
      notificationId: report.notification.notificationId,
      entity: 'contact',
      entityId: 'c-1001',
      event: 'updated',
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(verifyWebhook({ secret: webhookSecret, rawBody: webhook.rawBody, headers: webhook.headers, now: new Date() })).toEqual({ ok: true });
    expect(verifyWebhook({ secret: 'another-secret', rawBody: webhook.rawBody, headers: webhook.headers, now: new Date() }).ok).toBe(false);
  });

  it('gives every notification its own id', async () => {
    await post('/webhooks/send', { entity: 'payment', entityId: 'pay-1', event: 'created' });
    await post('/webhooks/send', { entity: 'payment', entityId: 'pay-1', event: 'created' });

    const ids = running.receiver.received.map((webhook) => (JSON.parse(webhook.rawBody) as { notificationId: string }).notificationId);
    expect(new Set(ids).size).toBe(2);
  });

  it('reports a target that answers 500 as such', async () => {
    const failing = await startWebhookReceiver(500);
    try {
      running.sim.setWebhookTarget(failing.url);

      const report = (await (await post('/webhooks/send', { entity: 'contact', entityId: 'c-1', event: 'created' })).json()) as { targetStatus: number };

      expect(report.targetStatus).toBe(500);
    } finally {
      await failing.close();
    }
  });

  it('answers 409 without a target, 502 when the target cannot be reached, and 400 to an unknown entity', async () => {
    running.sim.setWebhookTarget(undefined);
    expect((await post('/webhooks/send', { entity: 'contact', entityId: 'c-1', event: 'created' })).status).toBe(409);

    const gone = await startWebhookReceiver();
    await gone.close();
    await fetch(`${running.sim.url}/_sim/webhooks/target`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: gone.url }) });
    const unreachable = await post('/webhooks/send', { entity: 'contact', entityId: 'c-1', event: 'created' });
    expect(unreachable.status).toBe(502);
    expect(await unreachable.json()).toMatchObject({ error: { code: 'webhook_not_delivered' } });

    expect((await post('/webhooks/send', { entity: 'person', entityId: 'c-1', event: 'created' })).status).toBe(400);
  });
});

describe('POST /_sim/demo/signup', () => {
  it('seeds a realistic Danish contact with a fresh id, sends its created notification, and says what it did', async () => {
    const response = await post('/demo/signup');

    expect(response.status).toBe(201);
    const report = (await response.json()) as { message: string; contactId: string; notificationId: string; engineStatus: number };
    expect(report.engineStatus).toBe(202);
    expect(report.message).toContain(report.contactId);
    expect(report.message).toContain('the engine answered 202');

    const contactResponse = await fetch(`${running.sim.apiBaseUrl}/contacts/${report.contactId}`, { headers: { authorization: `Bearer ${apiKey}` } });
    const contact = (await contactResponse.json()) as {
      first_name: string;
      phone: string;
      address: { postal_code: string; country: string };
      contribution_code: string;
      consents: unknown[];
    };
    expect(contact.first_name).not.toBe('');
    expect(contact.phone).toMatch(/^\d\d \d\d \d\d \d\d$/);
    expect(toE164(contact.phone)).toMatch(/^\+45\d{8}$/);
    expect(contact.address).toMatchObject({ postal_code: expect.stringMatching(/^\d{4}$/), country: 'DK' });
    expect(contact.contribution_code).toMatch(/^WEB-/);
    expect(contact.consents).toContainEqual({
      channel: 'email',
      given: true,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      source: contact.contribution_code,
    });

    const [webhook] = running.receiver.received;
    expect(JSON.parse(webhook?.rawBody ?? '{}')).toMatchObject({
      notificationId: report.notificationId,
      entity: 'contact',
      entityId: report.contactId,
      event: 'created',
    });
  });

  it('gives each signup a new contact', async () => {
    const first = (await (await post('/demo/signup')).json()) as { contactId: string };
    const second = (await (await post('/demo/signup')).json()) as { contactId: string };

    expect(first.contactId).not.toBe(second.contactId);
  });

  it('still seeds the contact but says so when there is no target', async () => {
    running.sim.setWebhookTarget(undefined);

    const response = await post('/demo/signup');

    expect(response.status).toBe(409);
    const report = (await response.json()) as { contactId: string; notificationId: null; message: string };
    expect(report.notificationId).toBeNull();
    expect(report.message).toContain('not delivered: no webhook target is set');
    expect(running.sim.get('contact', report.contactId)).toBeDefined();
  });
});

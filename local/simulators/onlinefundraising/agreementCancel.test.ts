import { beforeEach, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../../adapters/onlinefundraising/webhookSignature.js';
import { AgreementCancelError } from './agreementCancel.js';
import { useSimulatorWithReceiver } from './simulatorWithReceiver.js';
import { startWebhookReceiver } from './startWebhookReceiver.js';
import { testClock } from './testClock.js';
import { getFromApi, notifiedEntities, postToApi } from './apiTestRequests.js';

const apiKey = 'test-api-key';
const webhookSecret = 'test-webhook-secret';
const clock = testClock('2025-03-01T10:00:00.000Z');
const seededAt = '2025-03-01T10:00:00.000Z';
/** 00:30 on 2 March in Copenhagen (CET, UTC+1): the business date is the 2nd, the UTC date still the 1st. */
const cancelledAt = '2025-03-01T23:30:00.000Z';
const reason = 'Ønsker ikke at fortsætte (ringet til medlemsservice)';

const running = useSimulatorWithReceiver({ apiKey, webhookSecret, clock });
beforeEach(() => {
  clock.set(seededAt);
  running.sim.put('contact', 'c-1', { first_name: 'Mette' });
  running.sim.put('agreement', 'ag-1', { contact_id: 'c-1', type: 'membership', status: 'active', start_date: '2024-01-15' });
  running.sim.put('agreement', 'ag-2', { contact_id: 'c-1', type: 'recurring_donation', status: 'active' });
  running.sim.put('subscription', 'sub-1b', { agreement_id: 'ag-1', amount: 15_000, status: 'paused', paused_until: '2025-04-01' });
  running.sim.put('subscription', 'sub-1a', { agreement_id: 'ag-1', amount: 15_000, status: 'active', next_charge_date: '2025-04-01' });
  running.sim.put('subscription', 'sub-1c', { agreement_id: 'ag-1', status: 'cancelled', cancellation_reason: 'for dyrt', cancelled_by: 'contact' });
  running.sim.put('subscription', 'sub-2', { agreement_id: 'ag-2', amount: 10_000 });
  clock.set(cancelledAt);
});

function cancel(agreementId: string, body: unknown, key = apiKey): Promise<Response> {
  return postToApi(running.sim, `/agreements/${agreementId}/cancel`, body, key);
}

const get = (path: string) => getFromApi(running.sim, path, apiKey);
const notified = () => notifiedEntities(running.receiver);

describe('POST /api/v1/agreements/<id>/cancel', () => {
  it('[CampaignAutomation3] cancels the agreement on today’s Danish business date and its open subscriptions as the organisation', async () => {
    const response = await cancel('ag-1', { reason });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: 'ag-1',
      status: 'cancelled',
      start_date: '2024-01-15',
      end_date: '2025-03-02',
      cancellation_reason: reason,
      created_at: seededAt,
      updated_at: cancelledAt,
    });
    for (const id of ['sub-1a', 'sub-1b']) {
      expect(await get(`/subscriptions/${id}`)).toMatchObject({ status: 'cancelled', cancellation_reason: reason, cancelled_by: 'organisation', updated_at: cancelledAt });
    }
    expect(await get('/subscriptions/sub-1c')).toMatchObject({ status: 'cancelled', cancellation_reason: 'for dyrt', cancelled_by: 'contact', updated_at: seededAt });
    expect(await get('/agreements/ag-2')).toMatchObject({ status: 'active', updated_at: seededAt });
    expect(await get('/subscriptions/sub-2')).toMatchObject({ status: 'active', cancelled_by: null, updated_at: seededAt });
  });

  it('[CampaignAutomation3] notifies the webhook target, signed, about the agreement and every subscription it cancelled', async () => {
    await cancel('ag-1', { reason });

    expect(notified()).toEqual([
      { entity: 'agreement', entityId: 'ag-1', event: 'updated' },
      { entity: 'subscription', entityId: 'sub-1a', event: 'updated' },
      { entity: 'subscription', entityId: 'sub-1b', event: 'updated' },
    ]);
    for (const webhook of running.receiver.received) {
      expect(verifyWebhook({ secret: webhookSecret, rawBody: webhook.rawBody, headers: webhook.headers, now: clock.now() })).toEqual({ ok: true });
    }
  });

  it('moves updated_at forward even when the clock stands still', async () => {
    clock.set(seededAt);

    const cancelled = (await (await cancel('ag-1', { reason })).json()) as { updated_at: string };

    expect(cancelled.updated_at > seededAt).toBe(true);
    expect(((await get('/subscriptions/sub-1a')) as { updated_at: string }).updated_at > seededAt).toBe(true);
  });

  it('[CampaignAutomation3] answers 200 to cancelling a cancelled agreement and changes and notifies nothing, whatever the reason', async () => {
    const first = await (await cancel('ag-1', { reason })).json();
    running.receiver.received.length = 0;
    clock.advance(86_400_000);

    const again = await cancel('ag-1', { reason: 'another reason' });

    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(first);
    expect(await get('/subscriptions/sub-1a')).toMatchObject({ cancellation_reason: reason, updated_at: cancelledAt });
    expect(notified()).toEqual([]);
  });

  it('leaves an agreement cancelled in OF as it is, subscriptions included', async () => {
    running.sim.put('agreement', 'ag-2', { status: 'cancelled', end_date: '2025-01-31', cancellation_reason: 'opsagt af medlem' });
    const before = running.sim.get('agreement', 'ag-2');

    const response = await cancel('ag-2', { reason });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(before);
    expect(await get('/subscriptions/sub-2')).toMatchObject({ status: 'active', updated_at: seededAt });
    expect(notified()).toEqual([]);
  });

  it('still cancels without a webhook target, or when the target cannot be reached', async () => {
    running.sim.setWebhookTarget(undefined);
    expect((await cancel('ag-1', { reason })).status).toBe(200);

    const gone = await startWebhookReceiver();
    await gone.close();
    running.sim.setWebhookTarget(gone.url);
    expect((await cancel('ag-2', { reason })).status).toBe(200);
    expect(await get('/subscriptions/sub-2')).toMatchObject({ status: 'cancelled', cancelled_by: 'organisation' });
  });

  it('answers 404 not_found for an unknown agreement', async () => {
    const response = await cancel('nobody', { reason });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'no agreement with id nobody' } });
    expect(notified()).toEqual([]);
  });

  it('answers 400 invalid_request to a body not as described, and changes nothing', async () => {
    const bodies: unknown[] = ['not json', {}, { reason: 42 }, { reason: '' }, { reason: 'x'.repeat(501) }, [reason], null];
    for (const body of bodies) {
      const response = await cancel('ag-1', body);

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_request' } });
    }
    expect(await get('/agreements/ag-1')).toMatchObject({ status: 'active', updated_at: seededAt });
    expect(notified()).toEqual([]);
  });

  it('checks the body before the agreement, and takes a reason of 500 characters', async () => {
    expect((await cancel('nobody', {})).status).toBe(400);

    const response = await cancel('ag-1', { reason: 'x'.repeat(500) });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ cancellation_reason: 'x'.repeat(500) });
  });

  it('wants the API key, is logged, and can be faulted like every API route', async () => {
    expect((await cancel('ag-1', { reason }, 'wrong-key')).status).toBe(401);
    running.sim.injectFault({ method: 'POST', path: '/api/v1/agreements/*/cancel', status: 429, retryAfterSeconds: 3 });

    const throttled = await cancel('ag-1', { reason });

    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect(await get('/agreements/ag-1')).toMatchObject({ status: 'active' });
    expect((await cancel('ag-1', { reason })).status).toBe(200);
    expect(running.sim.requests().filter((request) => request.method === 'POST').map(({ path, status }) => ({ path, status }))).toEqual([
      { path: '/api/v1/agreements/ag-1/cancel', status: 401 },
      { path: '/api/v1/agreements/ag-1/cancel', status: 429 },
      { path: '/api/v1/agreements/ag-1/cancel', status: 200 },
    ]);
  });
});

describe('sim.cancelAgreement (programmatic)', () => {
  it('[CampaignAutomation3] cancels, says what changed and what was delivered', async () => {
    const result = await running.sim.cancelAgreement('ag-1', reason);

    expect(result.agreement).toMatchObject({ id: 'ag-1', status: 'cancelled', end_date: '2025-03-02', updated_at: cancelledAt });
    expect(result.changed).toEqual([
      { entity: 'agreement', id: 'ag-1' },
      { entity: 'subscription', id: 'sub-1a' },
      { entity: 'subscription', id: 'sub-1b' },
    ]);
    expect(result.deliveries.map((delivery) => delivery.status)).toEqual([202, 202, 202]);
    expect(result.failures).toEqual([]);
  });

  it('throws AgreementCancelError with the status the API would answer', async () => {
    const unknown = await running.sim.cancelAgreement('nobody', reason).catch((error: unknown) => error);
    const blank = await running.sim.cancelAgreement('ag-1', '').catch((error: unknown) => error);

    expect(unknown).toBeInstanceOf(AgreementCancelError);
    expect(unknown).toMatchObject({ status: 404, code: 'not_found' });
    expect(blank).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(running.sim.get('agreement', 'ag-1')?.status).toBe('active');
  });
});

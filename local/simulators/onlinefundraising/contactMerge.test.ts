import { beforeEach, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../../adapters/onlinefundraising/webhookSignature.js';
import { ContactMergeError } from './contactMerge.js';
import { useSimulatorWithReceiver } from './simulatorWithReceiver.js';
import { startWebhookReceiver } from './startWebhookReceiver.js';
import { testClock } from './testClock.js';
import { getFromApi, notifiedEntities, postToApi } from './apiTestRequests.js';

const apiKey = 'test-api-key';
const webhookSecret = 'test-webhook-secret';
const clock = testClock('2025-03-01T10:00:00.000Z');
const seededAt = '2025-03-01T10:00:00.000Z';
const mergedAt = '2025-03-01T10:05:00.000Z';

const running = useSimulatorWithReceiver({ apiKey, webhookSecret, clock });
beforeEach(() => {
  clock.set(seededAt);
  running.sim.put('contact', 'c-1', { first_name: 'Mette', last_name: 'Sørensen' });
  running.sim.put('contact', 'c-2', { first_name: 'Mette', last_name: 'Sorensen' });
  running.sim.put('contact', 'c-3', { first_name: 'Lars' });
  running.sim.put('agreement', 'ag-2', { contact_id: 'c-2' });
  running.sim.put('agreement', 'ag-3', { contact_id: 'c-3' });
  running.sim.put('subscription', 'sub-2', { agreement_id: 'ag-2', amount: 15_000 });
  running.sim.put('payment_method', 'pm-2', { contact_id: 'c-2', agreement_id: 'ag-2' });
  running.sim.put('payment', 'pay-2a', { contact_id: 'c-2', agreement_id: 'ag-2', amount: 15_000 });
  running.sim.put('payment', 'pay-2b', { contact_id: 'c-2', agreement_id: 'ag-2', amount: 15_000 });
  running.sim.put('data_set', 'ds-2', { type: 'sms_inbound', contact_id: 'c-2' });
  clock.set(mergedAt);
});

function merge(survivorId: string, body: unknown, key = apiKey): Promise<Response> {
  return postToApi(running.sim, `/contacts/${survivorId}/merge`, body, key);
}

const get = (path: string) => getFromApi(running.sim, path, apiKey);
const notified = () => notifiedEntities(running.receiver);

describe('POST /api/v1/contacts/<survivorId>/merge', () => {
  it('[OnlineFundraising13] moves the merged contact’s records to the survivor, marks it merged, and answers the survivor', async () => {
    const response = await merge('c-1', { contact_id: 'c-2' });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 'c-1', first_name: 'Mette', merged_into_contact_id: null, updated_at: mergedAt, updated_by: 'api' });
    expect(await get('/contacts/c-2')).toMatchObject({ merged_into_contact_id: 'c-1', updated_at: mergedAt, created_at: seededAt, updated_by: 'api' });
    for (const path of ['/agreements/ag-2', '/payment-methods/pm-2', '/payments/pay-2a', '/payments/pay-2b', '/data-sets/ds-2']) {
      expect(await get(path)).toMatchObject({ contact_id: 'c-1', updated_at: mergedAt });
    }
    expect(await get('/subscriptions/sub-2')).toMatchObject({ agreement_id: 'ag-2', updated_at: seededAt });
    expect(await get('/agreements/ag-3')).toMatchObject({ contact_id: 'c-3', updated_at: seededAt });
    expect(((await get('/agreements?contact_id=c-2')) as { data: unknown[] }).data).toEqual([]);
  });

  it('[OnlineFundraising13] notifies the webhook target, signed, about both contacts and every moved record', async () => {
    await merge('c-1', { contact_id: 'c-2' });

    expect(notified()).toEqual([
      { entity: 'contact', entityId: 'c-1', event: 'updated' },
      { entity: 'contact', entityId: 'c-2', event: 'updated' },
      { entity: 'agreement', entityId: 'ag-2', event: 'updated' },
      { entity: 'payment_method', entityId: 'pm-2', event: 'updated' },
      { entity: 'payment', entityId: 'pay-2a', event: 'updated' },
      { entity: 'payment', entityId: 'pay-2b', event: 'updated' },
      { entity: 'data_set', entityId: 'ds-2', event: 'updated' },
    ]);
    for (const webhook of running.receiver.received) {
      expect(verifyWebhook({ secret: webhookSecret, rawBody: webhook.rawBody, headers: webhook.headers, now: clock.now() })).toEqual({ ok: true });
    }
  });

  it('[OnlineFundraising13] answers 200 to a repeated merge and changes and notifies nothing', async () => {
    const first = await (await merge('c-1', { contact_id: 'c-2' })).json();
    running.receiver.received.length = 0;
    clock.advance(60_000);

    const again = await merge('c-1', { contact_id: 'c-2' });

    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(first);
    expect(await get('/contacts/c-2')).toMatchObject({ merged_into_contact_id: 'c-1', updated_at: mergedAt });
    expect(await get('/agreements/ag-2')).toMatchObject({ updated_at: mergedAt });
    expect(notified()).toEqual([]);
  });

  it('still merges without a webhook target, or when the target cannot be reached', async () => {
    running.sim.setWebhookTarget(undefined);
    expect((await merge('c-1', { contact_id: 'c-2' })).status).toBe(200);

    const gone = await startWebhookReceiver();
    await gone.close();
    running.sim.setWebhookTarget(gone.url);
    expect((await merge('c-1', { contact_id: 'c-3' })).status).toBe(200);
    expect(await get('/agreements/ag-3')).toMatchObject({ contact_id: 'c-1' });
  });

  it('answers 404 not_found when either contact is unknown, and changes nothing', async () => {
    for (const [survivorId, mergedId] of [['nobody', 'c-2'], ['c-1', 'nobody']] as const) {
      const response = await merge(survivorId, { contact_id: mergedId });

      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'no contact with id nobody' } });
    }
    expect(await get('/agreements/ag-2')).toMatchObject({ contact_id: 'c-2', updated_at: seededAt });
  });

  it('answers 400 invalid_request to a body not as described or to a merge of a contact into itself', async () => {
    const bodies: unknown[] = ['not json', {}, { contact_id: 42 }, { contact_id: '' }, ['c-2'], { contact_id: 'c-1' }];
    for (const body of bodies) {
      const response = await merge('c-1', body);

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_request' } });
    }
    expect(notified()).toEqual([]);
  });

  it('answers 409 conflict when the merged contact went into another contact, or the survivor was merged away', async () => {
    await merge('c-3', { contact_id: 'c-2' });

    const mergedElsewhere = await merge('c-1', { contact_id: 'c-2' });
    const survivorMergedAway = await merge('c-2', { contact_id: 'c-1' });

    expect(mergedElsewhere.status).toBe(409);
    expect(await mergedElsewhere.json()).toEqual({ error: { code: 'conflict', message: 'contact c-2 has been merged into c-3' } });
    expect(survivorMergedAway.status).toBe(409);
    expect(await survivorMergedAway.json()).toMatchObject({ error: { code: 'conflict' } });
    expect(await get('/agreements/ag-2')).toMatchObject({ contact_id: 'c-3' });
  });

  it('wants the API key, is logged, and can be faulted like every API route', async () => {
    expect((await merge('c-1', { contact_id: 'c-2' }, 'wrong-key')).status).toBe(401);
    running.sim.injectFault({ method: 'POST', path: '/api/v1/contacts/*/merge', status: 429, retryAfterSeconds: 3 });

    const throttled = await merge('c-1', { contact_id: 'c-2' });

    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect(await get('/agreements/ag-2')).toMatchObject({ contact_id: 'c-2' });
    expect((await merge('c-1', { contact_id: 'c-2' })).status).toBe(200);
    expect(running.sim.requests().filter((request) => request.method === 'POST').map(({ path, status }) => ({ path, status }))).toEqual([
      { path: '/api/v1/contacts/c-1/merge', status: 401 },
      { path: '/api/v1/contacts/c-1/merge', status: 429 },
      { path: '/api/v1/contacts/c-1/merge', status: 200 },
    ]);
  });
});

describe('sim.merge (programmatic)', () => {
  it('[OnlineFundraising13] merges, says what changed and what was delivered', async () => {
    const result = await running.sim.merge('c-1', 'c-2');

    expect(result.survivor).toMatchObject({ id: 'c-1', updated_at: mergedAt });
    expect(result.changed).toHaveLength(7);
    expect(result.deliveries.map((delivery) => delivery.status)).toEqual(Array(7).fill(202));
    expect(result.failures).toEqual([]);
    expect(running.sim.get('contact', 'c-2')?.merged_into_contact_id).toBe('c-1');
  });

  it('throws ContactMergeError with the status the API would answer', async () => {
    const failure = await running.sim.merge('c-1', 'nobody').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ContactMergeError);
    expect(failure).toMatchObject({ status: 404, code: 'not_found' });
  });
});

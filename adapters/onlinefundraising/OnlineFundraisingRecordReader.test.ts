import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MirroredEntity } from '../../domain/mirror/OnlineFundraisingRecords.js';
import { type OnlineFundraisingSimulator, startOnlineFundraisingSimulator } from '../../local/simulators/onlinefundraising/server.js';
import { testClock } from '../../local/simulators/onlinefundraising/testClock.js';
import type { RetryPolicy } from '../http/retryPolicy.js';
import { OnlineFundraisingApiClient } from './OnlineFundraisingApiClient.js';
import { OnlineFundraisingFormatError } from './OnlineFundraisingFormatError.js';
import { OnlineFundraisingRecordReader } from './OnlineFundraisingRecordReader.js';

const apiKey = 'test-of-api-key';
const now = '2025-03-01T10:00:00.000Z';
const clock = testClock(now);
const shortRetries: RetryPolicy = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 5_000, maxRetryAfterMs: 5_000 };
let sim: OnlineFundraisingSimulator;
let reader: OnlineFundraisingRecordReader;

beforeAll(async () => {
  sim = await startOnlineFundraisingSimulator({ apiKey, clock });
  reader = new OnlineFundraisingRecordReader(new OnlineFundraisingApiClient({ baseUrl: sim.apiBaseUrl, apiKey, retryPolicy: shortRetries }));
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  clock.set(now);
});

function requestsTo(path: string): { method: string; status: number }[] {
  return sim
    .requests()
    .filter((request) => request.path === path)
    .map(({ method, status }) => ({ method, status }));
}

describe('OnlineFundraisingRecordReader', () => {
  it('[OnlineFundraising10] reads an agreement over HTTP with its campaign code, purpose and earmarking', async () => {
    sim.put('agreement', 'ag-1', {
      contact_id: 'c-1',
      type: 'recurring_donation',
      status: 'active',
      contribution_code: 'WEB-KLIMA-NRF',
      purpose: 'Klimaindsats',
      restricted: true,
      start_date: '2025-03-01',
    });

    expect(await reader.get('agreement', 'ag-1')).toStrictEqual({
      entity: 'agreement',
      record: {
        id: 'ag-1',
        updatedAt: now,
        contactId: 'c-1',
        kind: 'regular_support',
        status: 'active',
        campaignCode: 'WEB-KLIMA-NRF',
        purpose: 'Klimaindsats',
        restricted: true,
        startDate: '2025-03-01',
      },
    });
    expect(requestsTo('/api/v1/agreements/ag-1')).toEqual([{ method: 'GET', status: 200 }]);
  });

  it('reads a subscription cancelled by the contact’s bank, with frequency, amount in øre and the reason', async () => {
    sim.put('subscription', 'sub-1', {
      agreement_id: 'ag-1',
      amount: 15_000,
      interval: 'half_yearly',
      status: 'cancelled',
      cancellation_reason: 'Betalingsaftale opsagt i banken',
      cancelled_by: 'bank',
    });

    expect(await reader.get('subscription', 'sub-1')).toStrictEqual({
      entity: 'subscription',
      record: {
        id: 'sub-1',
        updatedAt: now,
        agreementId: 'ag-1',
        amountOre: 15_000,
        frequency: 'half_yearly',
        status: 'cancelled',
        cancellation: { reason: 'Betalingsaftale opsagt i banken', by: 'bank' },
      },
    });
  });

  it('[OnlineFundraising3] reads a rejected payment method with its status and the channel’s reason', async () => {
    sim.put('payment_method', 'pm-1', {
      contact_id: 'c-1',
      agreement_id: 'ag-1',
      type: 'betalingsservice',
      status: 'rejected',
      status_reason: 'Mandate refused by the payer’s bank',
      masked_reference: '**** 1234',
    });

    expect(await reader.get('payment_method', 'pm-1')).toStrictEqual({
      entity: 'payment_method',
      record: {
        id: 'pm-1',
        updatedAt: now,
        contactId: 'c-1',
        agreementId: 'ag-1',
        type: 'betalingsservice',
        status: 'rejected',
        statusReason: 'Mandate refused by the payer’s bank',
        maskedReference: '**** 1234',
      },
    });
  });

  it('[OnlineFundraising3] reads the new channels: a payment method by invoice or through a consumer society', async () => {
    sim.put('payment_method', 'pm-2', { contact_id: 'c-1', type: 'invoice', status: 'active' });
    sim.put('payment_method', 'pm-3', { contact_id: 'c-1', type: 'consumer_society', status: 'pending' });

    const [invoice, society] = await Promise.all([reader.get('payment_method', 'pm-2'), reader.get('payment_method', 'pm-3')]);

    expect(invoice?.record).toStrictEqual({ id: 'pm-2', updatedAt: now, contactId: 'c-1', type: 'invoice', status: 'active' });
    expect(society?.record).toMatchObject({ type: 'consumer_society', status: 'pending' });
  });

  it('[OnlineFundraising2][OnlineFundraising10] reads a payment with its relations, paid date, channel, campaign code and purpose', async () => {
    sim.put('payment', 'pay-1', {
      contact_id: 'c-1',
      agreement_id: 'ag-1',
      subscription_id: 'sub-1',
      payment_method_id: 'pm-1',
      amount: 15_000,
      status: 'confirmed',
      channel: 'mobilepay',
      due_date: '2025-03-01',
      paid_date: '2025-03-03',
      contribution_code: 'WEB-KLIMA-NRF',
      purpose: 'Klimaindsats',
    });

    expect(await reader.get('payment', 'pay-1')).toStrictEqual({
      entity: 'payment',
      record: {
        id: 'pay-1',
        updatedAt: now,
        contactId: 'c-1',
        agreementId: 'ag-1',
        subscriptionId: 'sub-1',
        paymentMethodId: 'pm-1',
        amountOre: 15_000,
        status: 'confirmed',
        dueDate: '2025-03-01',
        paidDate: '2025-03-03',
        channel: 'mobilepay',
        campaignCode: 'WEB-KLIMA-NRF',
        purpose: 'Klimaindsats',
      },
    });
  });

  it('[OnlineFundraising2] reads a failed one-off payment that belongs to no agreement, leaving its relations out', async () => {
    sim.put('payment', 'pay-2', { contact_id: 'c-1', amount: 20_000, status: 'failed', status_reason: 'Card expired', channel: 'card' });

    expect(await reader.get('payment', 'pay-2')).toStrictEqual({
      entity: 'payment',
      record: { id: 'pay-2', updatedAt: now, contactId: 'c-1', amountOre: 20_000, status: 'failed', statusReason: 'Card expired', channel: 'card' },
    });
  });

  it('[OnlineFundraising2] reads the payment once OF recovers from a 503', async () => {
    sim.put('payment', 'pay-1', { contact_id: 'c-1', amount: 15_000 });
    sim.injectFault({ method: 'GET', path: '/api/v1/payments/*', status: 503 });

    expect(await reader.get('payment', 'pay-1')).toMatchObject({ entity: 'payment', record: { id: 'pay-1', amountOre: 15_000 } });
    expect(requestsTo('/api/v1/payments/pay-1')).toEqual([
      { method: 'GET', status: 503 },
      { method: 'GET', status: 200 },
    ]);
  });

  it('reads an add-on with its agreement and subscription, amount in øre', async () => {
    sim.put('add_on', 'ao-1', { agreement_id: 'ag-1', subscription_id: 'sub-1', name: 'Medlemsblad', amount: 2_500 });

    expect(await reader.get('add_on', 'ao-1')).toStrictEqual({
      entity: 'add_on',
      record: { id: 'ao-1', updatedAt: now, agreementId: 'ag-1', subscriptionId: 'sub-1', name: 'Medlemsblad', amountOre: 2_500, status: 'active' },
    });
  });

  it('[OnlineFundraising1] reads a form data set with every submitted field', async () => {
    sim.put('data_set', 'ds-1', {
      type: 'form',
      contact_id: 'c-1',
      received_at: '2025-03-01T09:59:30.000Z',
      form_id: 'form-klima',
      fields: { tshirt_size: 'M', newsletter: 'ja' },
      contribution_code: 'WEB-KLIMA-NRF',
    });

    expect(await reader.get('data_set', 'ds-1')).toStrictEqual({
      entity: 'data_set',
      record: {
        id: 'ds-1',
        updatedAt: now,
        contactId: 'c-1',
        kind: 'form',
        receivedAt: '2025-03-01T09:59:30.000Z',
        formId: 'form-klima',
        fields: { tshirt_size: 'M', newsletter: 'ja' },
        campaignCode: 'WEB-KLIMA-NRF',
      },
    });
  });

  it('[OnlineFundraising1] reads an inbound SMS that OF has not linked to a contact yet', async () => {
    sim.put('data_set', 'ds-2', { type: 'sms_inbound', phone: '+4520123456', keyword: 'KLIMA', text: 'KLIMA ja tak' });

    expect(await reader.get('data_set', 'ds-2')).toStrictEqual({
      entity: 'data_set',
      record: { id: 'ds-2', updatedAt: now, kind: 'sms_inbound', phone: '+4520123456', receivedAt: now, keyword: 'KLIMA', text: 'KLIMA ja tak', fields: {} },
    });
  });

  it('resolves null when OF does not know the entity, for each of the six', async () => {
    const entities: MirroredEntity[] = ['agreement', 'subscription', 'payment_method', 'payment', 'add_on', 'data_set'];

    const results = await Promise.all(entities.map((entity) => reader.get(entity, 'nobody')));

    expect(results).toEqual([null, null, null, null, null, null]);
    expect(sim.requests().map(({ path, status }) => ({ path, status }))).toEqual(
      expect.arrayContaining(
        ['agreements', 'subscriptions', 'payment-methods', 'payments', 'add-ons', 'data-sets'].map((resource) => ({
          path: `/api/v1/${resource}/nobody`,
          status: 404,
        })),
      ),
    );
  });

  it('refuses a body it cannot read, naming the entity and field but not the value', async () => {
    sim.put('payment', 'pay-1', { contact_id: 'c-1', amount: '150.75' as unknown as number });

    const failure = await reader.get('payment', 'pay-1').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(OnlineFundraisingFormatError);
    expect(failure).toMatchObject({ what: 'payment' });
    expect((failure as Error).message).toContain('amount');
    expect((failure as Error).message).not.toContain('150.75');
  });

  it('refuses a status it does not know, such as the old "completed", instead of guessing', async () => {
    sim.put('payment', 'pay-1', { contact_id: 'c-1', status: 'completed' as unknown as 'confirmed' });

    const failure = await reader.get('payment', 'pay-1').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(OnlineFundraisingFormatError);
    expect((failure as Error).message).toContain('status');
  });

  it('refuses an agreement without a contact', async () => {
    sim.put('agreement', 'ag-1', { type: 'membership' });

    await expect(reader.get('agreement', 'ag-1')).rejects.toThrow(OnlineFundraisingFormatError);
  });
});

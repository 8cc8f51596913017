import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../domain/shared/errors.js';
import { type OnlineFundraisingSimulator, startOnlineFundraisingSimulator } from '../../local/simulators/onlinefundraising/server.js';
import { testClock } from '../../local/simulators/onlinefundraising/testClock.js';
import { HttpError } from '../http/HttpError.js';
import type { RetryPolicy } from '../http/retryPolicy.js';
import { OnlineFundraisingAgreementWriter } from './OnlineFundraisingAgreementWriter.js';
import { OnlineFundraisingApiClient } from './OnlineFundraisingApiClient.js';

const apiKey = 'test-of-api-key';
const shortRetries: RetryPolicy = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 5_000, maxRetryAfterMs: 5_000 };
const clock = testClock('2025-03-01T10:00:00.000Z');
const reason = 'Rykkerforløb afsluttet uden betaling';
let sim: OnlineFundraisingSimulator;

beforeAll(async () => {
  sim = await startOnlineFundraisingSimulator({ apiKey, clock });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  clock.set('2025-03-01T10:00:00.000Z');
  sim.put('contact', 'c-1001', { first_name: 'Mette' });
  sim.put('agreement', 'ag-1', { contact_id: 'c-1001', type: 'membership', status: 'active', start_date: '2024-01-15' });
  sim.put('subscription', 'sub-1', { agreement_id: 'ag-1', amount: 15_000, status: 'active' });
});

function writer(overrides: { apiKey?: string; sleep?: (ms: number) => Promise<void> } = {}): OnlineFundraisingAgreementWriter {
  return new OnlineFundraisingAgreementWriter(new OnlineFundraisingApiClient({ baseUrl: sim.apiBaseUrl, apiKey, retryPolicy: shortRetries, ...overrides }));
}

function cancelRequests(id = 'ag-1'): { method: string; status: number }[] {
  return sim
    .requests()
    .filter((request) => request.path === `/api/v1/agreements/${id}/cancel`)
    .map(({ method, status }) => ({ method, status }));
}

describe('OnlineFundraisingAgreementWriter.cancelAgreement', () => {
  it('[CampaignAutomation3] has OF cancel the agreement and its subscription as the organisation, with the reason', async () => {
    await writer().cancelAgreement('ag-1', reason);

    expect(sim.get('agreement', 'ag-1')).toMatchObject({ status: 'cancelled', end_date: '2025-03-01', cancellation_reason: reason });
    expect(sim.get('subscription', 'sub-1')).toMatchObject({ status: 'cancelled', cancellation_reason: reason, cancelled_by: 'organisation' });
    expect(cancelRequests()).toEqual([{ method: 'POST', status: 200 }]);
  });

  it('waits out a 429 for as long as Retry-After says, then cancels', async () => {
    sim.injectFault({ method: 'POST', path: '/api/v1/agreements/*/cancel', status: 429, retryAfterSeconds: 2 });
    const waits: number[] = [];

    await writer({ sleep: async (ms) => void waits.push(ms) }).cancelAgreement('ag-1', reason);

    expect(waits).toEqual([2_000]);
    expect(cancelRequests()).toEqual([
      { method: 'POST', status: 429 },
      { method: 'POST', status: 200 },
    ]);
    expect(sim.get('agreement', 'ag-1')?.status).toBe('cancelled');
  });

  it('[CampaignAutomation3] retries a 503, and a repeated cancellation is harmless', async () => {
    sim.injectFault({ method: 'POST', path: '/api/v1/agreements/*/cancel', status: 503 });
    await writer().cancelAgreement('ag-1', reason);
    const cancelled = sim.get('agreement', 'ag-1');
    clock.advance(60_000);
    await writer().cancelAgreement('ag-1', 'another reason');

    expect(cancelRequests()).toEqual([
      { method: 'POST', status: 503 },
      { method: 'POST', status: 200 },
      { method: 'POST', status: 200 },
    ]);
    expect(sim.get('agreement', 'ag-1')).toEqual(cancelled);
  });

  it('throws NotFoundError naming the agreement when OF does not know it', async () => {
    const failure = await writer().cancelAgreement('ag-nobody', reason).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(NotFoundError);
    expect((failure as Error).message).toContain('ag-nobody');
    expect(cancelRequests('ag-nobody')).toEqual([{ method: 'POST', status: 404 }]);
  });

  it('surfaces OF refusing the reason (400) as an HttpError, without retrying', async () => {
    const failure = await writer().cancelAgreement('ag-1', '').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(HttpError);
    expect(failure).toMatchObject({ service: 'OnlineFundraising', status: 400 });
    expect(cancelRequests()).toEqual([{ method: 'POST', status: 400 }]);
    expect(sim.get('agreement', 'ag-1')?.status).toBe('active');
  });

  it('surfaces a wrong API key as an HttpError 401, without retrying', async () => {
    const failure = await writer({ apiKey: 'wrong-key' }).cancelAgreement('ag-1', reason).catch((error: unknown) => error);

    expect(failure).toMatchObject({ name: 'HttpError', status: 401 });
    expect(cancelRequests()).toEqual([{ method: 'POST', status: 401 }]);
  });

  it('sends the id path-safe', async () => {
    sim.put('agreement', 'ag/2 x', { contact_id: 'c-1001' });

    await writer().cancelAgreement('ag/2 x', reason);

    expect(sim.get('agreement', 'ag/2 x')?.status).toBe('cancelled');
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../domain/shared/errors.js';
import { type OnlineFundraisingSimulator, startOnlineFundraisingSimulator } from '../../local/simulators/onlinefundraising/server.js';
import { testClock } from '../../local/simulators/onlinefundraising/testClock.js';
import type { RetryPolicy } from '../http/retryPolicy.js';
import { OnlineFundraisingApiClient } from './OnlineFundraisingApiClient.js';
import { OnlineFundraisingContactAnonymiser } from './OnlineFundraisingContactAnonymiser.js';

const apiKey = 'test-of-api-key';
const shortRetries: RetryPolicy = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 5_000, maxRetryAfterMs: 5_000 };
const clock = testClock('2025-03-01T10:00:00.000Z');
let sim: OnlineFundraisingSimulator;

beforeAll(async () => {
  sim = await startOnlineFundraisingSimulator({ apiKey, clock });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  sim.put('contact', 'c-1', { first_name: 'Mette', last_name: 'Sørensen', email: 'mette@example.dk', cpr: '0101901234' });
});

const anonymiser = (sleep?: (ms: number) => Promise<void>) => new OnlineFundraisingContactAnonymiser(new OnlineFundraisingApiClient({ baseUrl: sim.apiBaseUrl, apiKey, retryPolicy: shortRetries, ...(sleep && { sleep }) }));
const anonymiseRequests = (id = 'c-1') => sim.requests().filter((request) => request.path === `/api/v1/contacts/${id}/anonymize`).map(({ status }) => status);

describe('[OnlineFundraising5] OnlineFundraisingContactAnonymiser', () => {
  it('[OnlineFundraising5] has OF anonymise the contact, through a 503 and a 429 first, and asking again is harmless', async () => {
    sim.injectFault({ method: 'POST', path: '/api/v1/contacts/*/anonymize', status: 503 });
    sim.injectFault({ method: 'POST', path: '/api/v1/contacts/*/anonymize', status: 429, retryAfterSeconds: 1 });
    const waits: number[] = [];
    await anonymiser(async (ms) => void waits.push(ms)).anonymiseContact('c-1');
    expect(sim.get('contact', 'c-1')).toMatchObject({ first_name: '', email: null, cpr: null, anonymized_at: '2025-03-01T10:00:00.000Z' });
    expect(waits).toContain(1_000);
    await anonymiser().anonymiseContact('c-1');
    expect(anonymiseRequests()).toEqual([503, 429, 200, 200]);
  });

  it('[OnlineFundraising5] throws NotFoundError naming a contact OF does not know', async () => {
    const failure = await anonymiser().anonymiseContact('c-nobody').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NotFoundError);
    expect((failure as Error).message).toContain('c-nobody');
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BusinessCentralSimulator, startBusinessCentralSimulator } from './server.js';
import { type ApiClient, accessToken, apiClient, errorOf, journalLine, journalLinesPath, requestToken } from './testRequests.js';

let sim: BusinessCentralSimulator;
let api: ApiClient;
let lines: string;

beforeAll(async () => {
  sim = await startBusinessCentralSimulator();
  api = await apiClient(sim);
  lines = await journalLinesPath(sim, api);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const statuses = () => sim.requests().map((request) => `${request.method} ${request.status}`);

describe('injected faults', () => {
  it('answers the next matching requests with the status and BC’s error body, without carrying them out', async () => {
    sim.injectFault({ method: 'POST', path: '/v2.0/**/journalLines', status: 503, times: 2 });

    const first = await errorOf(await api('POST', lines, journalLine()));
    await api('POST', lines, journalLine());
    const third = await api('POST', lines, journalLine());

    expect(first).toMatchObject({ status: 503, code: 'Internal_ServerError' });
    expect(third.status).toBe(201);
    expect(sim.journalLines()).toHaveLength(1);
  });

  it('answers an injected 429 as BC’s throttling, with the Retry-After the rule gives', async () => {
    sim.injectFault({ path: '/v2.0/**', status: 429, retryAfterSeconds: 2 });

    const response = await api('GET', lines);

    expect(response.headers.get('retry-after')).toBe('2');
    expect(await errorOf(response)).toMatchObject({ status: 429, code: 'Application_TooManyRequests' });
  });

  it('carries a slowed request out even when the client stops waiting (the line may exist after a timeout)', async () => {
    sim.injectFault({ method: 'POST', path: '/v2.0/**/journalLines', delayMs: 300 });

    const outcome = await fetch(`${sim.url}/${lines}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await accessToken(sim)}`, 'content-type': 'application/json' },
      body: JSON.stringify(journalLine()),
      signal: AbortSignal.timeout(50),
    }).catch((error: unknown) => error);

    expect(outcome).toBeInstanceOf(Error);
    await expect.poll(() => sim.journalLines().length, { timeout: 2_000 }).toBe(1);
  });

  it('can fail the token endpoint too', async () => {
    sim.injectFault({ path: '/*/oauth2/v2.0/token', status: 500 });

    expect((await requestToken(sim)).status).toBe(500);
  });
});

describe('request limits', () => {
  it('answers 429 Application_TooManyRequests with Retry-After past the requests per minute, not counting refused ones', async () => {
    sim.setLimits({ requestsPerMinute: 3 });

    for (let n = 0; n < 3; n++) expect((await api('GET', 'companies')).status).toBe(200);
    const refused = await api('GET', 'companies');

    expect(await errorOf(refused)).toMatchObject({ status: 429, code: 'Application_TooManyRequests', message: expect.stringContaining('Maximum (3).') });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('runs maxConcurrentRequests at once, queues more, and refuses past maxConnections', async () => {
    sim.setLimits({ maxConcurrentRequests: 1, maxConnections: 2 });
    sim.injectFault({ method: 'GET', path: '/v2.0/**/companies', delayMs: 200, times: 3 });

    const started = Date.now();
    const answers = await Promise.all([api('GET', 'companies'), api('GET', 'companies'), delayed(50, () => api('GET', 'companies'))]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 429]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(statuses()).toContain('GET 429');
  });
});

async function delayed<T>(ms: number, action: () => Promise<T>): Promise<T> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return action();
}

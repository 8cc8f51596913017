import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DataverseSimulator, startDataverseSimulator } from './server.js';
import { accessToken, api, crlf, guid, requestToken } from './testRequests.js';

let sim: DataverseSimulator;
let token: string;

beforeAll(async () => {
  sim = await startDataverseSimulator({ throttle: { maxRequests: 3, windowMs: 60_000 } });
  token = await accessToken(sim);
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  sim.setThrottle({ maxRequests: 3, windowMs: 60_000 });
});

describe('service protection', () => {
  it('answers 429 with Retry-After and the Dataverse error past the limit, not counting token requests', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await api(sim, token, 'GET', 'contacts')).status).toBe(200);
      expect((await requestToken(sim)).status).toBe(200);
    }

    const throttled = await api(sim, token, 'GET', 'contacts');

    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(throttled.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await throttled.json()).toEqual({
      error: { code: '0x80072322', message: 'Number of requests exceeded the limit of 3 over time window of 60 seconds.' },
    });
  });

  it('reports the requests left on every API answer (0 on a 429) and counts a $batch as one request, however many operations it carries', async () => {
    const remaining = (response: Response) => response.headers.get('x-ms-ratelimit-burst-remaining-xrm-requests');
    const batchOfThree = [1, 2, 3].flatMap((n) => [
      '--batch_R',
      'Content-Type: application/http',
      `Content-ID: ${n}`,
      '',
      `PATCH contacts(0a6a4c2e-0000-4000-8000-00000000000${n}) HTTP/1.1`,
      'Content-Type: application/json',
      '',
      JSON.stringify({ lastname: `Row ${n}` }),
    ]);

    const first = await api(sim, token, 'GET', 'contacts');
    const batch = await fetch(`${sim.apiUrl}/$batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/mixed; boundary=batch_R' },
      body: crlf(...batchOfThree, '--batch_R--', ''),
    });
    const third = await api(sim, token, 'GET', 'contacts');
    const throttled = await api(sim, token, 'GET', 'contacts');

    expect([first.status, batch.status, third.status, throttled.status]).toEqual([200, 200, 200, 429]);
    expect([remaining(first), remaining(batch), remaining(third), remaining(throttled)]).toEqual(['2', '1', '0', '0']);
    expect(sim.rows('contacts')).toHaveLength(3);
    expect(sim.requests().map((entry) => `${entry.method} ${entry.path.replace('/api/data/v9.2/', '')} ${entry.status}`)).toEqual([
      'GET contacts 200',
      'POST $batch 200',
      'GET contacts 200',
      'GET contacts 429',
    ]);
    expect(sim.batchOperations()).toHaveLength(3);
  });

  it('can be changed over /_sim/throttle', async () => {
    const changed = await fetch(`${sim.url}/_sim/throttle`, { method: 'PUT', body: JSON.stringify({ maxRequests: 1, windowMs: 60_000 }) });
    expect(changed.status).toBe(200);

    expect((await api(sim, token, 'GET', 'contacts')).status).toBe(200);
    expect((await api(sim, token, 'GET', 'contacts')).status).toBe(429);
  });
});

describe('fault injection and the request log', () => {
  it('fails the next N matching requests with the given status and Retry-After, then answers normally', async () => {
    sim.injectFault({ method: 'PATCH', path: '/api/data/v9.2/contacts(*)', status: 503, times: 2, retryAfterSeconds: 7 });

    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { lastname: 'X' } })).status);
    const untouched = await api(sim, token, 'GET', 'contacts');

    expect(statuses).toEqual([503, 503, 204]);
    expect(untouched.status).toBe(200);
    expect(sim.rows('contacts')).toHaveLength(1);
    expect(sim.requests().map((entry) => `${entry.method} ${entry.status}`)).toEqual(['PATCH 503', 'PATCH 503', 'PATCH 204', 'GET 200']);
  });

  it('is driven over HTTP: POST /_sim/faults, GET /_sim/requests, GET /_sim/tables/<entitySet>, POST /_sim/reset', async () => {
    const added = await fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: '/api/data/v9.2/**', status: 429, retryAfterSeconds: 1 }),
    });
    expect(added.status).toBe(201);

    const throttled = await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { lastname: 'X' } });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect(((await throttled.json()) as { error: { code: string } }).error.code).toBe('0x80072322');
    await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { lastname: 'X' } });

    const log = (await (await fetch(`${sim.url}/_sim/requests`)).json()) as { method: string; path: string; status: number; at: string }[];
    expect(log.map((entry) => [entry.method, entry.path, entry.status])).toEqual([
      ['PATCH', `/api/data/v9.2/contacts(${guid.contact1})`, 429],
      ['PATCH', `/api/data/v9.2/contacts(${guid.contact1})`, 204],
    ]);
    expect(Number.isNaN(Date.parse(log[0]!.at))).toBe(false);
    const table = (await (await fetch(`${sim.url}/_sim/tables/contacts`)).json()) as Record<string, unknown>[];
    expect(table.map((row) => row['lastname'])).toEqual(['X']);

    expect((await fetch(`${sim.url}/_sim/reset`, { method: 'POST' })).status).toBe(204);
    expect(sim.rows('contacts')).toEqual([]);
    expect(sim.requests()).toEqual([]);
  });

  it('refuses a fault rule without a status or a delay', async () => {
    const refused = await fetch(`${sim.url}/_sim/faults`, { method: 'POST', body: JSON.stringify({ path: '/api/data/v9.2/**' }) });

    expect(refused.status).toBe(400);
  });

  it('delays without failing when the rule has only delayMs; a client that gives up still gets its write done', async () => {
    sim.injectFault({ path: '/api/data/v9.2/contacts(*)', delayMs: 500 });

    const gaveUp = fetch(`${sim.apiUrl}/contacts(${guid.contact1})`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ lastname: 'Slow' }),
      signal: AbortSignal.timeout(50),
    });

    await expect(gaveUp).rejects.toThrow();
    expect(sim.row('contacts', guid.contact1)).toBeUndefined();
    await vi.waitFor(() => expect(sim.row('contacts', guid.contact1)?.['lastname']).toBe('Slow'), { timeout: 5_000 });
  });

  it('applies faults to the token endpoint too', async () => {
    sim.injectFault({ method: 'POST', path: '/*/oauth2/v2.0/token', status: 500 });

    expect((await requestToken(sim)).status).toBe(500);
    expect((await requestToken(sim)).status).toBe(200);
  });
});

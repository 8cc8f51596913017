import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/support/eventually.js';
import { type OnlineFundraisingSimulator, startOnlineFundraisingSimulator } from './server.js';

const apiKey = 'test-api-key';
let sim: OnlineFundraisingSimulator;

beforeAll(async () => {
  sim = await startOnlineFundraisingSimulator({ apiKey });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  sim.put('contact', 'c-1', { first_name: 'Mette' });
});

function getContact(id = 'c-1'): Promise<Response> {
  return fetch(`${sim.apiBaseUrl}/contacts/${id}`, { headers: { authorization: `Bearer ${apiKey}` } });
}

function postFault(rule: unknown): Promise<Response> {
  return fetch(`${sim.url}/_sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) });
}

async function loggedRequests(): Promise<{ method: string; path: string; status: number }[]> {
  const body = (await (await fetch(`${sim.url}/_sim/requests`)).json()) as { requests: { method: string; path: string; status: number }[] };
  return body.requests.map(({ method, path, status }) => ({ method, path, status }));
}

describe('fault injection over /_sim/faults', () => {
  it('throttles the next N matching requests with 429 and Retry-After, then answers normally', async () => {
    expect((await postFault({ method: 'GET', path: '/api/v1/contacts/*', status: 429, retryAfterSeconds: 7, times: 2 })).status).toBe(201);

    const answers = [await getContact(), await getContact(), await getContact()];

    expect(answers.map((response) => response.status)).toEqual([429, 429, 200]);
    expect(answers[0]?.headers.get('retry-after')).toBe('7');
    expect(await answers[0]?.json()).toEqual({ error: { code: 'rate_limited', message: 'fault injected by the simulator' } });
    expect(await loggedRequests()).toEqual([
      { method: 'GET', path: '/api/v1/contacts/c-1', status: 429 },
      { method: 'GET', path: '/api/v1/contacts/c-1', status: 429 },
      { method: 'GET', path: '/api/v1/contacts/c-1', status: 200 },
    ]);
  });

  it("answers with the rule's own body when it gives one, as the other simulators do", async () => {
    await postFault({ method: 'GET', path: '/api/v1/contacts/*', status: 500, body: { message: 'upstream database unavailable' } });

    const answer = await getContact();

    expect(answer.status).toBe(500);
    expect(await answer.json()).toEqual({ message: 'upstream database unavailable' });
    expect((await getContact()).status).toBe(200);
  });

  it('applies a rule only to its method and path pattern', async () => {
    await postFault({ method: 'POST', path: '/api/v1/contacts/*', status: 503 });
    await postFault({ method: 'GET', path: '/api/v1/payments/**', status: 503 });

    expect((await getContact()).status).toBe(200);
    expect(((await (await fetch(`${sim.url}/_sim/faults`)).json()) as { faults: unknown[] }).faults).toHaveLength(2);
  });

  it('answers a 5xx chosen programmatically, and lists and clears pending rules', async () => {
    sim.injectFault({ path: '/api/v1/contacts/c-1', status: 502, times: 3 });

    expect((await getContact()).status).toBe(502);
    expect(sim.faults.pending()).toMatchObject([{ path: '/api/v1/contacts/c-1', status: 502, remaining: 2 }]);

    expect((await fetch(`${sim.url}/_sim/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await getContact()).status).toBe(200);
  });

  it('delays a slow response and then answers normally when the rule has no status', async () => {
    sim.injectFault({ path: '/api/v1/contacts/*', delayMs: 200 });

    const response = await getContact();

    expect(response.status).toBe(200);
    expect(sim.faults.pending()).toEqual([]);
  });

  it('logs a slow request its client gave up on as 499, once the client has gone', async () => {
    sim.injectFault({ path: '/api/v1/contacts/*', delayMs: 60_000 });

    const abandoned = await fetch(`${sim.apiBaseUrl}/contacts/c-1`, {
      headers: { authorization: `Bearer ${apiKey}` },
      signal: AbortSignal.timeout(100),
    }).catch((error: unknown) => error);

    expect(abandoned).toBeInstanceOf(Error);
    await eventually(() => expect(sim.requests().map((request) => request.status)).toEqual([499]));
  });

  it('refuses a rule with neither status nor delay', async () => {
    const response = await postFault({ path: '/api/v1/contacts/*' });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_body' } });
  });
});

describe('request log and reset', () => {
  it('logs API requests with their query (401s and 404s too) but not the control API', async () => {
    await fetch(`${sim.apiBaseUrl}/contacts/c-1`);
    await getContact('nobody');
    await fetch(`${sim.apiBaseUrl}/contacts?page_size=1`, { headers: { authorization: `Bearer ${apiKey}` } });

    expect(sim.requests().map(({ method, path, query, status }) => ({ method, path, query, status }))).toEqual([
      { method: 'GET', path: '/api/v1/contacts/c-1', query: '', status: 401 },
      { method: 'GET', path: '/api/v1/contacts/nobody', query: '', status: 404 },
      { method: 'GET', path: '/api/v1/contacts', query: 'page_size=1', status: 200 },
    ]);
  });

  it('forgets entities, faults and the log on POST /_sim/reset', async () => {
    sim.injectFault({ path: '/**', status: 500, times: 10 });
    await getContact();

    expect((await fetch(`${sim.url}/_sim/reset`, { method: 'POST' })).status).toBe(204);

    expect(sim.requests()).toEqual([]);
    expect((await getContact()).status).toBe(404);
  });
});

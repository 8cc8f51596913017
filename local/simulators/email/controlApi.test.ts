import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/support/eventually.js';
import { type EmailSimulator, startEmailSimulator } from './server.js';
import { emailBody, sendPath, signedFetch } from './testRequests.js';

let sim: EmailSimulator;

beforeAll(async () => {
  sim = await startEmailSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

function control(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${sim.url}/_sim${path}`, {
    method,
    ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
}

const send = () => signedFetch(sim, sendPath, { body: emailBody() });

describe('fault injection', () => {
  it('throttles the next N matching requests with 429 and Retry-After in ACS’s error shape, then answers normally', async () => {
    expect((await control('POST', '/faults', { method: 'POST', path: '/emails:send', status: 429, retryAfterSeconds: 7, times: 2 })).status).toBe(201);

    const answers = [await send(), await send(), await send()];

    expect(answers.map((response) => response.status)).toEqual([429, 429, 202]);
    expect(answers[0]?.headers.get('retry-after')).toBe('7');
    expect(await answers[0]?.json()).toEqual({ error: { code: 'TooManyRequests', message: 'Fault injected by the simulator.' } });
    expect(sim.sentEmails()).toHaveLength(1);
  });

  it('answers a 5xx chosen programmatically, with the rule’s body when it gives one, and lists and clears rules', async () => {
    sim.injectFault({ path: '/emails/**', status: 503, times: 3, body: { error: { code: 'ServiceUnavailable', message: 'Try later.' } } });
    sim.injectFault({ path: '/emails:send', status: 500 });

    const faulted = await signedFetch(sim, '/emails/operations/8540c0de-899f-5cce-acb5-3ec493af3800?api-version=2025-09-01');
    const internal = await send();

    expect(faulted.status).toBe(503);
    expect(await faulted.json()).toEqual({ error: { code: 'ServiceUnavailable', message: 'Try later.' } });
    expect(internal.status).toBe(500);
    expect(await (await control('GET', '/faults')).json()).toMatchObject({ faults: [{ path: '/emails/**', remaining: 2 }] });
    expect((await control('DELETE', '/faults')).status).toBe(204);
    expect((await send()).status).toBe(202);
  });

  it('delays a request when the rule has no status, and logs one its client gave up on as 499', async () => {
    sim.injectFault({ path: '/emails:send', delayMs: 150 });
    expect((await send()).status).toBe(202);

    sim.injectFault({ path: '/emails:send', delayMs: 60_000 });
    const abandoned = await fetch(`${sim.url}${sendPath}`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(100) }).catch((error: unknown) => error);

    expect(abandoned).toBeInstanceOf(Error);
    await eventually(() => expect(sim.requests().map((request) => request.status)).toEqual([202, 499]));
  });

  it('refuses a rule with neither status nor delay', async () => {
    const response = await control('POST', '/faults', { path: '/emails:send' });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'InvalidBody' } });
  });
});

describe('control API', () => {
  it('lists and clears sent emails', async () => {
    await send();

    expect(await (await control('GET', '/emails')).json()).toMatchObject({ emails: [{ subject: 'Udsendelse med mange fejl', status: 'Running' }] });
    expect((await control('DELETE', '/emails')).status).toBe(204);
    expect(sim.sentEmails()).toEqual([]);
  });

  it('sets and clears the failing-recipients pattern (case-insensitive), refusing an invalid one', async () => {
    expect(await (await control('PUT', '/failing-recipients', { pattern: '@BOUNCE\\.example$' })).json()).toEqual({ pattern: '@BOUNCE\\.example$', flags: 'i' });
    expect(sim.failingRecipientPattern?.test('x@bounce.example')).toBe(true);
    expect((await control('PUT', '/failing-recipients', { pattern: '(' })).status).toBe(400);
    expect(await (await control('PUT', '/failing-recipients', { pattern: null })).json()).toEqual({ pattern: null, flags: null });
  });

  it('sets the status progress', async () => {
    const response = await control('PUT', '/status-progress', { runningReads: 0, retryAfterSeconds: 5 });

    expect(await response.json()).toEqual({ runningReads: 0, retryAfterSeconds: 5 });
    expect(await (await control('PUT', '/status-progress', { retryAfterSeconds: null })).json()).toEqual({ runningReads: 0, retryAfterSeconds: null });
  });

  it('logs API requests with their query but not the control API, and clears the log', async () => {
    await send();
    await control('GET', '/emails');

    expect(await (await control('GET', '/requests')).json()).toMatchObject({ requests: [{ method: 'POST', path: '/emails:send', query: 'api-version=2025-09-01', status: 202 }] });
    expect((await control('DELETE', '/requests')).status).toBe(204);
    expect(sim.requests()).toEqual([]);
  });

  it('forgets emails, faults, the log, failing recipients and status settings on POST /_sim/reset', async () => {
    sim.injectFault({ path: '/**', status: 500, times: 10 });
    sim.failRecipientsMatching('x');
    sim.setRunningStatusReads(5);
    await send();

    expect((await control('POST', '/reset')).status).toBe(204);

    expect([sim.sentEmails(), sim.requests(), sim.faults.pending()]).toEqual([[], [], []]);
    expect([sim.failingRecipientPattern, sim.runningStatusReads]).toEqual([undefined, 1]);
    expect((await send()).status).toBe(202);
  });

  it('answers 404 for unknown control routes and unknown API paths', async () => {
    expect((await control('GET', '/nothing')).status).toBe(404);
    expect((await signedFetch(sim, '/emails?api-version=2025-09-01')).status).toBe(404);
  });
});

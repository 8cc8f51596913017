import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contentHashOf } from './hmacSignature.js';
import { type EmailSimulator, startEmailSimulator } from './server.js';
import { emailBody, sendPath, signedFetch } from './testRequests.js';

let sim: EmailSimulator;

beforeAll(async () => {
  sim = await startEmailSimulator({ accessKey: Buffer.from('test-access-key').toString('base64') });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

async function refusal(response: Response): Promise<{ status: number; errorCode: string | null; body: unknown }> {
  return { status: response.status, errorCode: response.headers.get('x-ms-error-code'), body: await response.json() };
}

describe('HMAC-SHA256 request signing', () => {
  it('accepts a request signed with the access key', async () => {
    expect((await signedFetch(sim, sendPath, { body: emailBody() })).status).toBe(202);
  });

  it('refuses a request signed with another key with 401 Denied, and sends nothing', async () => {
    const response = await signedFetch(sim, sendPath, { body: emailBody(), accessKey: Buffer.from('other-key').toString('base64') });

    expect(await refusal(response)).toEqual({
      status: 401,
      errorCode: 'Denied',
      body: { error: { code: 'Denied', message: 'Denied by the resource provider.' } },
    });
    expect(sim.sentEmails()).toEqual([]);
  });

  it('refuses a body that does not match x-ms-content-sha256', async () => {
    const response = await signedFetch(sim, sendPath, { body: emailBody(), headers: { 'x-ms-content-sha256': contentHashOf('{}') } });

    expect(await refusal(response)).toMatchObject({ status: 401, body: { error: { message: "Request 'x-ms-content-sha256' differs from generated content hash." } } });
  });

  it('refuses a signature over another path or query', async () => {
    const otherQuery = await signedFetch(sim, sendPath, { body: emailBody(), signAs: '/emails:send?api-version=2023-03-31' });
    const otherPath = await signedFetch(sim, sendPath, { body: emailBody(), signAs: '/emails:validate?api-version=2025-09-01' });

    expect([otherQuery.status, otherPath.status]).toEqual([401, 401]);
  });

  it('refuses a missing Authorization header, other signed headers and a stale x-ms-date', async () => {
    const missing = await fetch(`${sim.url}${sendPath}`, { method: 'POST', body: JSON.stringify(emailBody()) });
    const otherHeaders = await signedFetch(sim, sendPath, {
      body: emailBody(),
      headers: { authorization: 'HMAC-SHA256 SignedHeaders=date;host&Signature=abc' },
    });
    const stale = await signedFetch(sim, sendPath, { body: emailBody(), date: new Date(Date.now() - 20 * 60 * 1000) });

    expect([missing.status, otherHeaders.status, stale.status]).toEqual([401, 401, 401]);
    expect(await refusal(stale)).toMatchObject({ body: { error: { code: 'Denied', message: expect.stringContaining('x-ms-date') } } });
  });

  it('signs status reads too (an empty body hashes as "")', async () => {
    const { id } = (await (await signedFetch(sim, sendPath, { body: emailBody() })).json()) as { id: string };

    expect((await signedFetch(sim, `/emails/operations/${id}?api-version=2025-09-01`)).status).toBe(200);
    expect((await fetch(`${sim.url}/emails/operations/${id}?api-version=2025-09-01`)).status).toBe(401);
  });

  it('logs refused requests with their status', async () => {
    await fetch(`${sim.url}${sendPath}`, { method: 'POST', body: '{}' });

    expect(sim.requests().map(({ method, path, query, status }) => ({ method, path, query, status }))).toEqual([
      { method: 'POST', path: '/emails:send', query: 'api-version=2025-09-01', status: 401 },
    ]);
  });
});

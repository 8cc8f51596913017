import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type EmailSimulator, startEmailSimulator } from './server.js';
import { emailBody, sendPath, signedFetch } from './testRequests.js';

let sim: EmailSimulator;

beforeAll(async () => {
  sim = await startEmailSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

async function send(body: unknown = emailBody(), headers: Record<string, string> = {}): Promise<Response> {
  return signedFetch(sim, sendPath, { body, headers });
}

async function readStatus(id: string): Promise<unknown> {
  return (await signedFetch(sim, `/emails/operations/${id}?api-version=2025-09-01`)).json();
}

describe('POST /emails:send', () => {
  it('accepts a message with 202, its operation in the body and Operation-Location, and records it', async () => {
    const response = await send();

    expect(response.status).toBe(202);
    const body = (await response.json()) as { id: string; status: string };
    expect(body).toEqual({ id: expect.any(String), status: 'Running' });
    expect(response.headers.get('operation-location')).toBe(`${sim.url}/emails/operations/${body.id}?api-version=2025-09-01`);
    expect(response.headers.has('retry-after')).toBe(false);
    expect(sim.sentEmails()).toEqual([
      {
        operationId: body.id,
        sender: 'DoNotReply@engine.ms.dk',
        to: ['medlemsservice@ms.dk'],
        cc: [],
        bcc: [],
        subject: 'Udsendelse med mange fejl',
        text: '12 % af leveringerne fejlede.',
        html: '<p>12 % af leveringerne fejlede.</p>',
        status: 'Running',
        acceptedAt: expect.any(String),
        request: emailBody(),
      },
    ]);
  });

  it('uses the Operation-Id header as the operation id, and does not send a repeated one again', async () => {
    const operationId = 'F9168C5E-CEB2-4faa-B6BF-329BF39FA1E4';

    const first = await send(emailBody(), { 'operation-id': operationId });
    const repeated = await send(emailBody({ senderAddress: 'other@engine.ms.dk' }), { 'operation-id': operationId });

    expect([first.status, repeated.status]).toEqual([202, 202]);
    expect(await repeated.json()).toEqual({ id: operationId, status: 'Running' });
    expect(sim.sentEmails()).toMatchObject([{ operationId, sender: 'DoNotReply@engine.ms.dk' }]);
  });

  it('refuses an Operation-Id that is not a UUID', async () => {
    const response = await send(emailBody(), { 'operation-id': 'alert-1' });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'BadRequest', message: 'The Operation-Id header must be a UUID.' } });
  });

  it.each([
    ['a missing sender', { senderAddress: undefined }, 'senderAddress is required and must be an email address'],
    ['missing recipients', { recipients: undefined }, 'recipients is required'],
    ['an empty recipient list', { recipients: { to: [] } }, 'recipients needs at least one address in to, cc or bcc'],
    ['a malformed recipient', { recipients: { to: [{ address: 'medlemsservice' }] } }, 'recipients.to.0.address must be an email address'],
    ['a missing subject', { content: { plainText: 'x' } }, 'content.subject is required'],
    ['a blank subject', { content: { subject: ' ', plainText: 'x' } }, 'content.subject must not be blank'],
    ['no text and no HTML', { content: { subject: 'x' } }, 'content needs plainText, html or both'],
  ])('refuses %s with 400 in ACS’s error shape', async (_case, overrides, message) => {
    const response = await send(emailBody(overrides));

    expect(response.status).toBe(400);
    expect(response.headers.get('x-ms-error-code')).toBe('BadRequest');
    expect(await response.json()).toEqual({ error: { code: 'BadRequest', message } });
    expect(sim.sentEmails()).toEqual([]);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await send('{"senderAddress":');

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'BadRequest', message: 'The request body is not valid JSON.' } });
  });

  it('requires a supported api-version', async () => {
    const missing = await signedFetch(sim, '/emails:send', { body: emailBody() });
    const unknown = await signedFetch(sim, '/emails:send?api-version=2020-01-01', { body: emailBody() });

    expect(await missing.json()).toMatchObject({ error: { code: 'MissingApiVersionParameter' } });
    expect([missing.status, unknown.status]).toEqual([400, 400]);
    expect(await unknown.json()).toMatchObject({ error: { code: 'UnsupportedApiVersion' } });
  });
});

describe('GET /emails/operations/<id>', () => {
  it('answers Running for the first read, then Succeeded', async () => {
    const { id } = (await (await send()).json()) as { id: string };

    expect(await readStatus(id)).toEqual({ id, status: 'Running' });
    expect(await readStatus(id)).toEqual({ id, status: 'Succeeded' });
    expect(await readStatus(id)).toEqual({ id, status: 'Succeeded' });
    expect(sim.sentEmails()[0]?.status).toBe('Succeeded');
  });

  it('ends Failed with EmailDropped when a recipient matches failRecipientsMatching', async () => {
    sim.failRecipientsMatching(/^bounce@/);
    const { id } = (await (await send(emailBody({ recipients: { to: [{ address: 'ok@ms.dk' }], bcc: [{ address: 'bounce@ms.dk' }] } }))).json()) as { id: string };

    await readStatus(id);
    const failed = { id, status: 'Failed', error: { code: 'EmailDropped', message: 'Email was dropped after several attempts to deliver.' } };
    expect(await readStatus(id)).toEqual(failed);
    expect(sim.sentEmails()).toMatchObject([{ bcc: ['bounce@ms.dk'], status: 'Failed', error: failed.error }]);
  });

  it('fails only messages accepted while the pattern is set', async () => {
    sim.failRecipientsMatching('medlemsservice');
    const { id: failing } = (await (await send()).json()) as { id: string };
    sim.failRecipientsMatching(undefined);
    const { id: fine } = (await (await send()).json()) as { id: string };
    sim.setRunningStatusReads(0);

    expect(await readStatus(failing)).toEqual({ id: failing, status: 'Running' });
    expect(await readStatus(failing)).toMatchObject({ status: 'Failed' });
    await readStatus(fine);
    expect(await readStatus(fine)).toMatchObject({ status: 'Succeeded' });
  });

  it('answers Running for runningStatusReads reads, with retry-after when set, then the end', async () => {
    sim.setRunningStatusReads(2);
    sim.setStatusRetryAfter(20);
    const accepted = await send();
    const { id } = (await accepted.json()) as { id: string };
    const read = () => signedFetch(sim, `/emails/operations/${id}?api-version=2025-09-01`);

    const answers = [await read(), await read(), await read()];

    expect(accepted.headers.get('retry-after')).toBe('20');
    expect(answers.map((answer) => answer.headers.get('retry-after'))).toEqual(['20', '20', null]);
    expect(await Promise.all(answers.map(async (answer) => ((await answer.json()) as { status: string }).status))).toEqual(['Running', 'Running', 'Succeeded']);
  });

  it('answers 404 for an unknown operation', async () => {
    const response = await signedFetch(sim, '/emails/operations/8540c0de-899f-5cce-acb5-3ec493af3800?api-version=2025-09-01');

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NotFound' } });
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type EmailSimulator, startEmailSimulator } from '../../local/simulators/email/server.js';
import { AcsEmailSender, type AcsEmailSenderOptions } from './AcsEmailSender.js';
import { EmailSendError } from './EmailSendError.js';

const senderAddress = 'DoNotReply@engine.ms.dk';
let sim: EmailSimulator;

beforeAll(async () => {
  sim = await startEmailSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

function sender(options: Partial<AcsEmailSenderOptions> = {}): AcsEmailSender {
  return new AcsEmailSender({ connectionString: sim.connectionString, senderAddress, pollIntervalMs: 10, retry: { retryDelayInMs: 10 }, ...options });
}

function requestLines(): string[] {
  return sim.requests().map(({ method, path, status }) => `${method} ${path.replace(/[0-9a-f-]{36}$/, '<id>')} ${status}`);
}

const alert = {
  to: ['medlemsservice@ms.dk', 'it@ms.dk'],
  subject: 'Udsendelse 2025-06 SMS: 12 % fejlede',
  text: '12 % af leveringerne i udsendelsen fejlede (grænse 5 %).',
  html: '<p>12 % af leveringerne i udsendelsen fejlede (grænse 5 %).</p>',
};

describe('[OnlineFundraising12] AcsEmailSender sends the alert mail through the official SDK', () => {
  it('[OnlineFundraising12] sends the alert mail: the simulator records it and the operation id is the message id', async () => {
    const { messageId } = await sender().send(alert);

    expect(sim.sentEmails()).toMatchObject([
      { operationId: messageId, sender: senderAddress, to: alert.to, subject: alert.subject, text: alert.text, html: alert.html, status: 'Succeeded' },
    ]);
    expect(requestLines()).toEqual(['POST /emails:send 202', 'GET /emails/operations/<id> 200', 'GET /emails/operations/<id> 200']);
  });

  it('[OnlineFundraising12] sends plain text only when there is no HTML', async () => {
    await sender().send({ to: ['it@ms.dk'], subject: 'Alarm', text: 'Kun tekst.' });

    const [email] = sim.sentEmails();
    expect(email).toMatchObject({ text: 'Kun tekst.' });
    expect(email).not.toHaveProperty('html');
  });

  it('polls every pollIntervalMs until the operation ends', async () => {
    sim.setRunningStatusReads(3);

    await sender().send(alert);

    expect(requestLines()).toEqual(['POST /emails:send 202', ...Array<string>(4).fill('GET /emails/operations/<id> 200')]);
    expect(sim.sentEmails()[0]?.status).toBe('Succeeded');
  });

  it('[OnlineFundraising12] throws EmailSendError naming the operation and ACS’s error when the operation ends Failed', async () => {
    sim.failRecipientsMatching(/@bounce\.example$/);

    const error = await sender().send({ ...alert, to: ['medlemsservice@ms.dk', 'nobody@bounce.example'] }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(EmailSendError);
    const [email] = sim.sentEmails();
    expect(email).toMatchObject({ status: 'Failed', error: { code: 'EmailDropped' } });
    expect(error).toMatchObject({ operationId: email?.operationId, status: 'Failed', code: 'EmailDropped', reason: 'Email was dropped after several attempts to deliver.' });
    expect((error as Error).message).toContain(`operation ${email?.operationId}`);
  });

  it('throws EmailSendError also when the very first status read (inside beginSend) says Failed', async () => {
    sim.setRunningStatusReads(0);
    sim.failRecipientsMatching('bounce');

    await expect(sender().send({ ...alert, to: ['bounce@ms.dk'] })).rejects.toMatchObject({ name: 'EmailSendError', code: 'EmailDropped' });
    expect(requestLines()).toEqual(['POST /emails:send 202', 'GET /emails/operations/<id> 200']);
  });
});

describe('AcsEmailSender when ACS throttles, fails or refuses', () => {
  it('[OnlineFundraising12] a 429 with Retry-After on the send is retried by the SDK after the given seconds; the mail goes once', async () => {
    sim.injectFault({ method: 'POST', path: '/emails:send', status: 429, retryAfterSeconds: 1 });
    const started = Date.now();

    await sender().send(alert);

    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(requestLines()).toEqual(['POST /emails:send 429', 'POST /emails:send 202', 'GET /emails/operations/<id> 200', 'GET /emails/operations/<id> 200']);
    expect(sim.sentEmails()).toHaveLength(1);
  });

  it('a 429 without Retry-After is not retried by the SDK', async () => {
    sim.injectFault({ method: 'POST', path: '/emails:send', status: 429 });

    await expect(sender().send(alert)).rejects.toMatchObject({ name: 'RestError', statusCode: 429, code: 'TooManyRequests' });
    expect(requestLines()).toEqual(['POST /emails:send 429']);
  });

  it('a 429 on a status read is retried the same way', async () => {
    sim.injectFault({ method: 'GET', path: '/emails/operations/*', status: 429, retryAfterSeconds: 0, times: 2 });

    await sender().send(alert);

    expect(requestLines()).toEqual([
      'POST /emails:send 202',
      'GET /emails/operations/<id> 429',
      'GET /emails/operations/<id> 429',
      'GET /emails/operations/<id> 200',
      'GET /emails/operations/<id> 200',
    ]);
  });

  it('5xx answers are retried with exponential back-off (retryDelayInMs), up to 3 retries by default', async () => {
    sim.injectFault({ method: 'POST', path: '/emails:send', status: 503, times: 2 });
    sim.injectFault({ method: 'POST', path: '/emails:send', status: 500 });

    await sender().send(alert);

    expect(requestLines().slice(0, 4)).toEqual(['POST /emails:send 503', 'POST /emails:send 503', 'POST /emails:send 500', 'POST /emails:send 202']);
    expect(sim.sentEmails()).toHaveLength(1);
  });

  it('gives up with the SDK’s RestError after the retries are spent', async () => {
    sim.injectFault({ method: 'POST', path: '/emails:send', status: 500, times: 10 });

    const error = await sender({ retry: { maxRetries: 2, retryDelayInMs: 10 } }).send(alert).catch((thrown: unknown) => thrown);

    expect(error).toMatchObject({ name: 'RestError', statusCode: 500, code: 'InternalServerError' });
    expect(requestLines()).toEqual(Array<string>(3).fill('POST /emails:send 500'));
    expect(sim.sentEmails()).toEqual([]);
  });

  it('a wrong access key is refused with 401 Denied, not retried, and nothing is sent', async () => {
    const wrongKey = Buffer.from('not-the-key').toString('base64');

    const error = await sender({ connectionString: `endpoint=${sim.url}/;accesskey=${wrongKey}` }).send(alert).catch((thrown: unknown) => thrown);

    expect(error).toMatchObject({ name: 'RestError', statusCode: 401, code: 'Denied' });
    expect(requestLines()).toEqual(['POST /emails:send 401']);
    expect(sim.sentEmails()).toEqual([]);
  });

  it('a message ACS cannot take (a malformed recipient) is refused with 400 and not retried', async () => {
    await expect(sender().send({ ...alert, to: ['not an address'] })).rejects.toMatchObject({ name: 'RestError', statusCode: 400, code: 'BadRequest' });
    expect(requestLines()).toEqual(['POST /emails:send 400']);
  });

  it('follows ACS’s retry-after on a running operation rather than pollIntervalMs (as it does in Azure)', async () => {
    sim.setStatusRetryAfter(1);
    sim.setRunningStatusReads(2);
    const started = Date.now();

    await sender({ pollIntervalMs: 10 }).send(alert);

    // beginSend reads once at once; then pollUntilDone reads at once and waits retry-after before the third read.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(requestLines()).toEqual(['POST /emails:send 202', ...Array<string>(3).fill('GET /emails/operations/<id> 200')]);
  });
});

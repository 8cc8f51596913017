import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DrupalSimulator, startDrupalSimulator } from '../../local/simulators/drupal/server.js';
import { HttpError } from '../http/HttpError.js';
import type { RetryPolicy } from '../http/retryPolicy.js';
import { basicAuthorization } from './basicAuthorization.js';
import { DrupalFormatError } from './DrupalFormatError.js';
import { DrupalSubmissionReader, type DrupalSubmissionReaderOptions } from './DrupalSubmissionReader.js';

const username = 'engine-api';
const password = 'test-drupal-password';
const shortRetries: RetryPolicy = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 5_000, maxRetryAfterMs: 5_000 };
const submissionPath = '/webform_rest/petition_klima/submission/17';
let sim: DrupalSimulator;

beforeAll(async () => {
  sim = await startDrupalSimulator({ username, password });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  sim.put(
    'petition_klima',
    '17',
    {
      first_name: 'Anna',
      last_name: 'Sørensen',
      email: 'anna@example.dk',
      phone: '12 34 56 78',
      postal_code: '2200',
      newsletter: true,
      sms_updates: false,
      age: 34,
      interests: ['klima', 'ulighed'],
      address: { address: 'Nørrebrogade 12, 3. tv', postal_code: '2200', city: 'København N', country: '' },
      comment: '',
      referrer: null,
      topics: [],
    },
    '2026-11-24T11:00:00+01:00',
  );
});

function reader(overrides: Partial<DrupalSubmissionReaderOptions> = {}): DrupalSubmissionReader {
  return new DrupalSubmissionReader({ baseUrl: sim.url, username, password, retryPolicy: shortRetries, ...overrides });
}

function submissionRequests(path = submissionPath): { status: number }[] {
  return sim
    .requests()
    .filter((request) => request.path === path)
    .map(({ status }) => ({ status }));
}

const expectedPetition = {
  formId: 'petition_klima',
  submissionId: '17',
  submittedAt: '2026-11-24T10:00:00.000Z',
  fields: {
    first_name: 'Anna',
    last_name: 'Sørensen',
    email: 'anna@example.dk',
    phone: '12 34 56 78',
    postal_code: '2200',
    newsletter: '1',
    sms_updates: '0',
    age: '34',
    interests: 'klima, ulighed',
    'address.address': 'Nørrebrogade 12, 3. tv',
    'address.postal_code': '2200',
    'address.city': 'København N',
  },
};

describe('DrupalSubmissionReader', () => {
  it('[OnlineFundraising15] reads a petition submission with every field as text, submitted at in UTC', async () => {
    expect(await reader().get('petition_klima', '17')).toEqual(expectedPetition);
    expect(sim.requests()).toMatchObject([{ method: 'GET', path: submissionPath, query: '_format=json', status: 200 }]);
  });

  it('[OnlineFundraising15] reads a submission without data (Drupal sends `data: []`) as one without fields', async () => {
    sim.put('newsletter_signup', '18', {});

    expect(await reader().get('newsletter_signup', '18')).toMatchObject({ formId: 'newsletter_signup', submissionId: '18', fields: {} });
  });

  it('[OnlineFundraising15] resolves null when Drupal does not know the submission, or it belongs to another form', async () => {
    expect(await reader().get('petition_klima', '999')).toBeNull();
    expect(await reader().get('newsletter_signup', '17')).toBeNull();
    expect(submissionRequests('/webform_rest/petition_klima/submission/999')).toEqual([{ status: 404 }]);
  });

  it('[OnlineFundraising15] Drupal answers 503 twice, then 200: the submission is read once the site recovers', async () => {
    sim.injectFault({ method: 'GET', path: '/webform_rest/**', status: 503, times: 2 });

    expect(await reader().get('petition_klima', '17')).toEqual(expectedPetition);
    expect(submissionRequests()).toEqual([{ status: 503 }, { status: 503 }, { status: 200 }]);
  });

  it('waits out a 429 for as long as Retry-After says, then reads the submission', async () => {
    sim.injectFault({ method: 'GET', path: '/webform_rest/*/submission/*', status: 429, retryAfterSeconds: 3 });
    const waits: number[] = [];

    const submission = await reader({ sleep: async (ms) => void waits.push(ms) }).get('petition_klima', '17');

    expect(submission).toEqual(expectedPetition);
    expect(waits).toEqual([3_000]);
    expect(submissionRequests()).toEqual([{ status: 429 }, { status: 200 }]);
  });

  it('gives up on an answer slower than the timeout and reads the submission on the next attempt', async () => {
    sim.injectFault({ path: '/webform_rest/**', delayMs: 2_000 });

    expect(await reader({ retryPolicy: { ...shortRetries, timeoutMs: 300 } }).get('petition_klima', '17')).toEqual(expectedPetition);
  });

  it('surfaces a 503 that outlasts the retries as an HttpError after the last attempt', async () => {
    sim.injectFault({ path: '/webform_rest/**', status: 503, times: 10 });

    const failure = await reader().get('petition_klima', '17').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(HttpError);
    expect(failure).toMatchObject({ service: 'Drupal', status: 503 });
    expect(submissionRequests()).toHaveLength(shortRetries.maxAttempts);
  });

  it('signs in with Basic auth: a wrong password surfaces as an HttpError naming 401, without retrying', async () => {
    const failure = await reader({ password: 'wrong' }).get('petition_klima', '17').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(HttpError);
    expect(failure).toMatchObject({ service: 'Drupal', status: 401 });
    expect((failure as Error).message).toContain('Drupal answered 401');
    expect(submissionRequests()).toEqual([{ status: 401 }]);
  });

  it('refuses a submission whose created is no instant, naming the field but not its value', async () => {
    sim.put('petition_klima', '17', { first_name: 'Anna' }, 'sometime last week');

    const failure = await reader().get('petition_klima', '17').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(DrupalFormatError);
    expect((failure as Error).message).toContain('entity.created.0.value');
    expect((failure as Error).message).not.toContain('last week');
  });

  it('refuses a field it cannot turn into text (a list of composites), naming the field', async () => {
    sim.put('petition_klima', '17', { first_name: 'Anna', children: [{ name: 'Ida', age: 4 }] });

    const failure = await reader().get('petition_klima', '17').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(DrupalFormatError);
    expect((failure as Error).message).toContain('data.children');
    expect((failure as Error).message).not.toContain('Ida');
  });

  it('refuses an answer about another submission than the one asked for', async () => {
    const body = await (await fetch(`${sim.url}${submissionPath}?_format=json`, { headers: { authorization: basicAuthorization(username, password) } })).text();
    const misrouting = await startFixedAnswerServer('application/json', body);
    try {
      const failure = await reader({ baseUrl: misrouting.url }).get('petition_klima', '18').catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(DrupalFormatError);
      expect((failure as Error).message).toContain('asked for petition_klima/18, answered petition_klima/17');
    } finally {
      await misrouting.close();
    }
  });

  it('refuses a 200 answer that is not JSON (an HTML page in front of Drupal) with a DrupalFormatError', async () => {
    const htmlPage = await startFixedAnswerServer('text/html; charset=utf-8', '<!DOCTYPE html><html><body>Vedligeholdelse</body></html>');
    try {
      const failure = await reader({ baseUrl: htmlPage.url }).get('petition_klima', '17').catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(DrupalFormatError);
      expect((failure as Error).message).toBe('Drupal sent a submission the engine cannot read: the body is not JSON (content-type text/html; charset=utf-8)');
    } finally {
      await htmlPage.close();
    }
  });
});

/** A site that answers every request 200 with the same body, as a maintenance page or a misrouting proxy would. */
async function startFixedAnswerServer(contentType: string, body: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': contentType }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

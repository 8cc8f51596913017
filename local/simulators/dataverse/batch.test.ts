import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DataverseSimulator, startDataverseSimulator } from './server.js';
import { accessToken, api, crlf, guid } from './testRequests.js';

let sim: DataverseSimulator;
let token: string;

beforeAll(async () => {
  sim = await startDataverseSimulator();
  token = await accessToken(sim);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

async function postBatch(body: string, headers: Record<string, string> = {}): Promise<{ response: Response; text: string }> {
  const response = await fetch(`${sim.apiUrl}/$batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/mixed; boundary=batch_AAA123', 'odata-version': '4.0', ...headers },
    body,
  });
  return { response, text: await response.text() };
}

function operation(contentId: string, requestLine: string, body: unknown): string[] {
  return [
    'Content-Type: application/http',
    'Content-Transfer-Encoding: binary',
    `Content-ID: ${contentId}`,
    '',
    requestLine,
    'Content-Type: application/json; type=entry',
    '',
    JSON.stringify(body),
  ];
}

function statusLines(text: string): string[] {
  return text.match(/^HTTP\/1\.1 \d{3}.*$/gm) ?? [];
}

describe('POST $batch', () => {
  it('runs a change set with Content-ID references and a GET, answering in the multipart format', async () => {
    const body = crlf(
      '--batch_AAA123',
      'Content-Type: multipart/mixed; boundary=changeset_BBB456',
      '',
      '--changeset_BBB456',
      ...operation('1', `PATCH ${sim.apiUrl}/accounts(${guid.account1}) HTTP/1.1`, { name: 'Firma ApS' }),
      '--changeset_BBB456',
      ...operation('2', 'POST /api/data/v9.2/contacts HTTP/1.1', { lastname: 'Berg', 'parentcustomerid_account@odata.bind': '$1' }),
      '--changeset_BBB456',
      ...operation('3', 'PATCH $1 HTTP/1.1', { 'primarycontactid@odata.bind': '$2' }),
      '--changeset_BBB456--',
      '',
      '--batch_AAA123',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      'GET accounts?$select=name,_primarycontactid_value HTTP/1.1',
      'Accept: application/json',
      '',
      '--batch_AAA123--',
      '',
    );

    const { response, text } = await postBatch(body);

    expect(response.status).toBe(200);
    const boundary = /^multipart\/mixed; boundary=(batchresponse_[\w-]+)$/.exec(response.headers.get('content-type') ?? '')?.[1];
    expect(boundary).toBeDefined();
    expect(text.startsWith(`--${boundary}\r\nContent-Type: multipart/mixed; boundary=changesetresponse_`)).toBe(true);
    expect(text.trimEnd().endsWith(`--${boundary}--`)).toBe(true);
    expect(statusLines(text)).toEqual(['HTTP/1.1 204 No Content', 'HTTP/1.1 204 No Content', 'HTTP/1.1 204 No Content', 'HTTP/1.1 200 OK']);
    expect(text).toContain('Content-Transfer-Encoding: binary\r\nContent-ID: 2\r\n\r\nHTTP/1.1 204 No Content\r\nOData-Version: 4.0\r\nOData-EntityId: ');

    const [contact] = sim.rows('contacts');
    expect(contact?.['_parentcustomerid_value']).toBe(guid.account1);
    expect(sim.row('accounts', guid.account1)?.['_primarycontactid_value']).toBe(contact?.['contactid']);
    expect(text).toContain(`"_primarycontactid_value":"${String(contact?.['contactid'])}"`);
  });

  it('keeps none of a change set when one of its operations fails, answering with that single failure', async () => {
    await api(sim, token, 'PATCH', `contacts(${guid.contact2})`, { body: { lastname: 'Existing' } });
    const body = crlf(
      '--batch_AAA123',
      'Content-Type: multipart/mixed; boundary=changeset_BBB456',
      '',
      '--changeset_BBB456',
      ...operation('1', `PATCH /api/data/v9.2/contacts(${guid.contact1}) HTTP/1.1`, { lastname: 'New' }),
      '--changeset_BBB456',
      ...operation('2', `PATCH /api/data/v9.2/contacts(${guid.contact2}) HTTP/1.1`, { lastname: 'Changed' }),
      '--changeset_BBB456',
      ...operation('3', `PATCH /api/data/v9.2/contacts(${guid.contact3}) HTTP/1.1`, { shoesize: 42 }),
      '--changeset_BBB456--',
      '',
      '--batch_AAA123--',
      '',
    );

    const { response, text } = await postBatch(body);

    expect(response.status).toBe(200);
    expect(statusLines(text)).toEqual(['HTTP/1.1 400 Bad Request']);
    expect(text).not.toContain('changesetresponse_');
    expect(text).toContain('Content-ID: 3\r\n\r\nHTTP/1.1 400 Bad Request');
    expect(text).toContain('"code":"0x80060888"');
    expect(sim.rows('contacts').map((row) => [row['contactid'], row['lastname']])).toEqual([[guid.contact2, 'Existing']]);
  });

  it('stops at the first failure unless the batch prefers odata.continue-on-error', async () => {
    const requests = (first: string) =>
      crlf(
        '--batch_AAA123',
        ...operation('1', `PATCH /api/data/v9.2/contacts(${first}) HTTP/1.1`, { lastname: 'One' }),
        '--batch_AAA123',
        ...operation('2', `PATCH /api/data/v9.2/contacts(${guid.contact2}) HTTP/1.1`, { lastname: 'Two' }),
        '--batch_AAA123--',
        '',
      );

    const stopped = await postBatch(requests('not-a-guid'));
    expect(statusLines(stopped.text)).toEqual(['HTTP/1.1 400 Bad Request']);
    expect(sim.rows('contacts')).toEqual([]);

    const continued = await postBatch(requests('not-a-guid'), { prefer: 'odata.continue-on-error' });
    expect(statusLines(continued.text)).toEqual(['HTTP/1.1 400 Bad Request', 'HTTP/1.1 204 No Content']);
    expect(sim.rows('contacts').map((row) => row['lastname'])).toEqual(['Two']);
  });

  it('logs every operation it ran, apart from the one request log entry of the batch; operations of a failed change set as rolled back', async () => {
    const body = crlf(
      '--batch_AAA123',
      ...operation('1', `PATCH /api/data/v9.2/contacts(${guid.contact1}) HTTP/1.1`, { lastname: 'One' }),
      '--batch_AAA123',
      'Content-Type: multipart/mixed; boundary=changeset_BBB456',
      '',
      '--changeset_BBB456',
      ...operation('2', `PATCH /api/data/v9.2/contacts(${guid.contact2}) HTTP/1.1`, { lastname: 'Two' }),
      '--changeset_BBB456',
      ...operation('3', `PATCH /api/data/v9.2/contacts(${guid.contact3}) HTTP/1.1`, { shoesize: 42 }),
      '--changeset_BBB456--',
      '',
      '--batch_AAA123',
      ...operation('4', `PATCH ${sim.apiUrl}/accounts(${guid.account1}) HTTP/1.1`, { name: 'Firma ApS' }),
      '--batch_AAA123--',
      '',
    );

    await postBatch(body, { prefer: 'odata.continue-on-error' });
    await postBatch(body);

    expect(sim.requests().map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      'POST /api/data/v9.2/$batch 200',
      'POST /api/data/v9.2/$batch 200',
    ]);
    const logged = (await (await fetch(`${sim.url}/_sim/batch-operations`)).json()) as Record<string, unknown>[];
    expect(logged.map(({ at: _at, ...entry }) => entry)).toEqual([
      { batch: 1, method: 'PATCH', path: `/api/data/v9.2/contacts(${guid.contact1})`, contentId: '1', status: 204 },
      { batch: 1, method: 'PATCH', path: `/api/data/v9.2/contacts(${guid.contact2})`, contentId: '2', status: 204, rolledBack: true },
      { batch: 1, method: 'PATCH', path: `/api/data/v9.2/contacts(${guid.contact3})`, contentId: '3', status: 400 },
      { batch: 1, method: 'PATCH', path: `/api/data/v9.2/accounts(${guid.account1})`, contentId: '4', status: 204 },
      { batch: 2, method: 'PATCH', path: `/api/data/v9.2/contacts(${guid.contact1})`, contentId: '1', status: 204 },
      { batch: 2, method: 'PATCH', path: `/api/data/v9.2/contacts(${guid.contact2})`, contentId: '2', status: 204, rolledBack: true },
      { batch: 2, method: 'PATCH', path: `/api/data/v9.2/contacts(${guid.contact3})`, contentId: '3', status: 400 },
    ]);
    expect(sim.batchOperations()).toHaveLength(7);

    sim.clearRequests();
    expect(sim.batchOperations()).toEqual([]);
  });

  it('accepts bare LF line breaks and answers 400 when the Content-Type has no boundary', async () => {
    const lf = ['--batch_AAA123', ...operation('1', `PATCH contacts(${guid.contact1}) HTTP/1.1`, { lastname: 'LF' }), '--batch_AAA123--', ''].join('\n');
    expect(statusLines((await postBatch(lf)).text)).toEqual(['HTTP/1.1 204 No Content']);

    const noBoundary = await postBatch(lf, { 'content-type': 'multipart/mixed' });
    expect(noBoundary.response.status).toBe(400);
  });
});

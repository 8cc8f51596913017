import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../domain/shared/Clock.js';
import { type BusinessCentralSimulator, startBusinessCentralSimulator } from './server.js';
import { type ApiClient, apiClient, errorOf, journalLine, journalLinesPath } from './testRequests.js';

const clock: Clock = { now: () => new Date('2025-03-31T22:30:00Z') };
let sim: BusinessCentralSimulator;
let api: ApiClient;
let lines: string;

beforeAll(async () => {
  sim = await startBusinessCentralSimulator({ clock });
  api = await apiClient(sim);
  lines = await journalLinesPath(sim, api);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

async function post(fields: Record<string, unknown> = {}): Promise<Response> {
  return api('POST', lines, journalLine(fields));
}

async function created(fields: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const response = await post(fields);
  expect(response.status).toBe(201);
  return (await response.json()) as Record<string, unknown>;
}

describe('POST journalLines', () => {
  it('creates the line with an id and BC’s next line number, and answers 201 with it, its ETag and Location', async () => {
    const response = await post();
    const line = (await response.json()) as Record<string, unknown>;
    const second = await created({ externalDocumentNumber: 'MS-2025-03-31-1030-5810' });

    expect(response.status).toBe(201);
    expect(line).toMatchObject({
      journalDisplayName: 'MSENGINE',
      lineNumber: 10000,
      accountType: 'G/L Account',
      accountNumber: '1040',
      postingDate: '2025-03-31',
      documentNumber: 'MS-2025-03-31',
      externalDocumentNumber: 'MS-2025-03-31-1040-5850',
      amount: -1250.5,
      description: 'Donationer via MobilePay 31.03.2025',
      comment: '',
      taxCode: '',
      balanceAccountType: 'G/L Account',
      balancingAccountNumber: '5850',
      lastModifiedDateTime: '2025-03-31T22:30:00.000Z',
    });
    expect(line['id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(line['@odata.etag']).toMatch(/^W\/".+"$/);
    expect(line['@odata.context']).toContain('$metadata#companies(');
    expect(response.headers.get('location')).toBe(`${sim.url}/${lines}(${String(line['id'])})`);
    expect(second['lineNumber']).toBe(20000);
    expect(sim.journalLines().map((stored) => stored.lineNumber)).toEqual([10000, 20000]);
  });

  it('fills in account ids, the account’s name as description and today (Copenhagen) as posting date', async () => {
    const line = await created({ description: undefined, postingDate: undefined });
    const accounts = sim.accounts();

    expect(line['description']).toBe('Donationer');
    expect(line['postingDate']).toBe('2025-04-01');
    expect(line['accountId']).toBe(accounts.find((account) => account.number === '1040')?.id);
    expect(line['balancingAccountId']).toBe(accounts.find((account) => account.number === '5850')?.id);
  });

  it('upper-cases and trims Code fields, and rounds the amount to øre', async () => {
    const line = await created({ documentNumber: ' ms-2025-03-31 ', externalDocumentNumber: 'ms-2025-03-31-1040-5850', amount: 10.005 });

    expect(line).toMatchObject({ documentNumber: 'MS-2025-03-31', externalDocumentNumber: 'MS-2025-03-31-1040-5850', amount: 10.01 });
  });

  it('keeps a given line number, and refuses one already in the journal with 409', async () => {
    expect((await created({ lineNumber: 50000 }))['lineNumber']).toBe(50000);

    expect(await errorOf(await post({ lineNumber: 50000 }))).toMatchObject({ status: 409, code: 'Internal_EntityWithSameKeyExists' });
  });

  it.each([
    [{ accountNumber: '9999' }, 'Application_DialogException', 'The "accountNumber" does not match to an Account.'],
    [{ accountId: '00000000-0000-4000-8000-000000000001' }, 'Application_DialogException', 'The "accountId" does not match to an Account.'],
    [
      { balancingAccountNumber: '5999' },
      'Internal_InvalidTableRelation',
      'The field Bal. Account No. of table Gen. Journal Line contains a value (5999) that cannot be found in the related table (G/L Account).',
    ],
    [{ documentNumber: 'D'.repeat(21) }, 'Application_StringExceededLength', 'The length of the string is 21, but it must be less than or equal to 20 characters.'],
    [{ externalDocumentNumber: 'E'.repeat(36) }, 'Application_StringExceededLength', 'The length of the string is 36, but it must be less than or equal to 35 characters.'],
    [{ description: 'd'.repeat(101) }, 'Application_StringExceededLength', 'The length of the string is 101, but it must be less than or equal to 100 characters.'],
    [{ postingDate: '2025-02-30' }, 'BadRequest', "Cannot convert the literal '2025-02-30' to the expected type 'Edm.Date'."],
    [{ amount: '12.50' }, 'BadRequest', "Cannot convert the literal '12.50' to the expected type 'Edm.Decimal'."],
    [{ accountType: 'Customer' }, 'BadRequest', "keeps only 'G/L Account' lines"],
    [{ accountType: 'Debitor' }, 'BadRequest', "Cannot convert the literal 'Debitor' to the expected type 'Microsoft.NAV.genJournalAccountType'."],
    [{ shortcutDimension1Code: 'X' }, 'BadRequest', "The property 'shortcutDimension1Code' does not exist on type 'Microsoft.NAV.journalLine'."],
    [{ lastModifiedDateTime: '2025-01-01T00:00:00Z' }, 'BadRequest_InvalidOperation', "Control 'Last Modified Date' is read-only."],
    [{ journalDisplayName: 'OTHER' }, 'Application_DialogException', "The Journal Batch Display Name isn't editable."],
  ])('refuses %j with 400 %s', async (fields, code, message) => {
    const error = await errorOf(await post(fields));

    expect(error).toMatchObject({ status: 400, code });
    expect(error.message).toContain(message);
    expect(sim.journalLines()).toEqual([]);
  });

  it('refuses a blocked account as BC’s TestField does', async () => {
    sim.setAccounts([...sim.accounts(), { number: '1050', displayName: 'Lukket', blocked: true }]);

    expect(await errorOf(await post({ accountNumber: '1050' }))).toMatchObject({
      code: 'Application_FieldValidationException',
      message: expect.stringContaining("Blocked must be equal to 'No'  in G/L Account: No.=1050."),
    });
  });

  it('answers 400 Invalid Request Body for a body that is not a JSON object', async () => {
    expect(await errorOf(await api('POST', lines, '[1,2]'))).toMatchObject({ status: 400, code: 'BadRequest', message: expect.stringMatching(/^Invalid Request Body/) });
  });
});

describe('GET and DELETE one journal line', () => {
  it('reads a line by id and answers 404 for an unknown one', async () => {
    const line = await created();

    const read = (await (await api('GET', `${lines}(${String(line['id'])})`)).json()) as Record<string, unknown>;
    expect(read).toMatchObject({ id: line['id'], '@odata.etag': line['@odata.etag'], amount: -1250.5 });
    expect(await errorOf(await api('GET', `${lines}(00000000-0000-4000-8000-000000000009)`))).toMatchObject({ status: 404, code: 'Internal_RecordNotFound' });
  });

  it('deletes with If-Match: * or the current ETag; without If-Match 400, with a stale ETag 409', async () => {
    const first = await created();
    const second = await created({ externalDocumentNumber: 'X-2' });

    expect(await errorOf(await api('DELETE', `${lines}(${String(first['id'])})`))).toMatchObject({ status: 400, code: 'BadRequest_InvalidToken' });
    expect(await errorOf(await api('DELETE', `${lines}(${String(first['id'])})`, undefined, { 'if-match': 'W/"stale"' }))).toMatchObject({
      status: 409,
      code: 'Request_EntityChanged',
    });
    expect((await api('DELETE', `${lines}(${String(first['id'])})`, undefined, { 'if-match': String(first['@odata.etag']) })).status).toBe(204);
    expect((await api('DELETE', `${lines}(${String(second['id'])})`, undefined, { 'if-match': '*' })).status).toBe(204);
    expect(sim.journalLines()).toEqual([]);
  });

  it('answers 405 for what the simulator does not do, e.g. PATCH a line', async () => {
    const line = await created();

    expect(await errorOf(await api('PATCH', `${lines}(${String(line['id'])})`, { amount: 1 }, { 'if-match': '*' }))).toMatchObject({
      status: 405,
      code: 'BadRequest_MethodNotAllowed',
    });
  });
});

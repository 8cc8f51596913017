import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../domain/shared/Clock.js';
import { type BusinessCentralSimulator, startBusinessCentralSimulator } from './server.js';
import { type ApiClient, apiClient, errorOf, journalLine, journalLinesPath } from './testRequests.js';

const clock: Clock = { now: () => new Date('2025-04-02T07:15:00Z') };
let sim: BusinessCentralSimulator;
let api: ApiClient;
let lines: string;
let entries: string;

interface Collection {
  value: Record<string, unknown>[];
  '@odata.context': string;
  '@odata.nextLink'?: string;
}

beforeAll(async () => {
  sim = await startBusinessCentralSimulator({ clock });
  api = await apiClient(sim);
  lines = await journalLinesPath(sim, api);
  entries = `companies(${sim.companyId})/generalLedgerEntries`;
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

/** Sends a line to the journal, with dimensions `SAG=<value>` when given. */
async function sendLine(fields: Record<string, unknown>, project?: string): Promise<void> {
  const response = await api('POST', lines, journalLine(fields));
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: string };
  if (project) expect((await api('POST', `${lines}(${id})/dimensionSetLines`, { code: 'SAG', valueCode: project })).status).toBe(201);
}

/** Two lines of document MS-2025-03-31: donations received (a credit on 1040) and a net refund (a debit on 1030). */
async function sendTwoLines(): Promise<void> {
  await sendLine({ accountNumber: '1040', balancingAccountNumber: '5850', amount: -1250.5, description: 'Donationer MobilePay' }, 'P123');
  await sendLine({ accountNumber: '1030', balancingAccountNumber: '5810', amount: 29.95, description: 'Fast støtte NETS/BS', externalDocumentNumber: 'X-2' });
}

const postJournal = () => fetch(`${sim.authorityUrl}/_sim/journals/MSENGINE/post`, { method: 'POST' });

async function get(path: string, headers: Record<string, string> = {}): Promise<Collection> {
  const response = await api('GET', path, undefined, headers);
  expect(response.status).toBe(200);
  return (await response.json()) as Collection;
}

const accountId = (number: string) => sim.accounts().find((account) => account.number === number)?.id;

describe('[Bogføring] generalLedgerEntries: what posting a journal leaves in the general ledger', () => {
  it('[Bogføring] posts each line as an entry on its account and one on its balancing account, amounts on opposite sides, numbered 1, 2, 3, …', async () => {
    await sendTwoLines();
    expect((await postJournal()).status).toBe(200);

    const collection = await get(`${entries}?$filter=documentNumber eq 'MS-2025-03-31'`);

    const common = { postingDate: '2025-03-31', documentNumber: 'MS-2025-03-31', documentType: ' ', lastModifiedDateTime: '2025-04-02T07:15:00.000Z' };
    expect(collection.value).toEqual([
      { ...common, entryNumber: 1, accountNumber: '1040', accountId: accountId('1040'), description: 'Donationer MobilePay', debitAmount: 0, creditAmount: 1250.5 },
      { ...common, entryNumber: 2, accountNumber: '5850', accountId: accountId('5850'), description: 'Donationer MobilePay', debitAmount: 1250.5, creditAmount: 0 },
      { ...common, entryNumber: 3, accountNumber: '1030', accountId: accountId('1030'), description: 'Fast støtte NETS/BS', debitAmount: 29.95, creditAmount: 0 },
      { ...common, entryNumber: 4, accountNumber: '5810', accountId: accountId('5810'), description: 'Fast støtte NETS/BS', debitAmount: 0, creditAmount: 29.95 },
    ].map((entry) => ({ '@odata.etag': expect.stringMatching(/^W\/".+"$/), id: expect.stringMatching(/^[0-9a-f-]{36}$/), ...entry })));
    expect(Object.keys(collection.value[0] ?? {})).toEqual([
      '@odata.etag',
      'id',
      'entryNumber',
      'postingDate',
      'documentNumber',
      'documentType',
      'accountId',
      'accountNumber',
      'description',
      'debitAmount',
      'creditAmount',
      'lastModifiedDateTime',
    ]);
    expect(collection['@odata.context']).toBe(`${sim.url}/$metadata#${entries}`);
  });

  it('[Bogføring] has no entries of a document before its lines are posted, nor of another document after', async () => {
    await sendTwoLines();
    expect((await get(`${entries}?$filter=documentNumber eq 'MS-2025-03-31'`)).value).toEqual([]);

    await postJournal();

    expect((await get(`${entries}?$filter=documentNumber eq 'MS-2025-04-30'`)).value).toEqual([]);
    expect((await get(`${entries}?$filter=documentNumber eq 'ms-2025-03-31'`)).value).toHaveLength(4);
  });

  it('[Bogføring] answers $top=1&$select=id with one entry’s id, as a client asks whether a document was posted', async () => {
    await sendTwoLines();
    await postJournal();

    const collection = await get(`${entries}?$filter=documentNumber eq 'MS-2025-03-31'&$top=1&$select=id`);

    expect(collection.value).toEqual([{ '@odata.etag': expect.any(String), id: sim.generalLedgerEntries()[0]?.['id'] }]);
    expect(collection['@odata.nextLink']).toBeUndefined();
  });

  it('filters by entryNumber and postingDate, pages, and reads one entry by id', async () => {
    await sendTwoLines();
    await sendLine({ documentNumber: 'MS-2025-04-30', postingDate: '2025-04-30', externalDocumentNumber: 'X-3' });
    await postJournal();
    sim.setMaxPageSize(2);

    const first = await get(`${entries}?$filter=postingDate eq 2025-03-31 and entryNumber gt 1`);
    const second = await get(String(first['@odata.nextLink']).slice(sim.url.length + 1));
    const id = String(sim.generalLedgerEntries('MS-2025-04-30')[0]?.['id']);
    const one = (await (await api('GET', `${entries}(${id})`)).json()) as Record<string, unknown>;

    expect([...first.value, ...second.value].map((entry) => entry['entryNumber'])).toEqual([2, 3, 4]);
    expect(one).toMatchObject({ '@odata.context': `${sim.url}/$metadata#${entries}/$entity`, id, entryNumber: 5, postingDate: '2025-04-30', accountNumber: '1040' });
    expect(await errorOf(await api('GET', `${entries}(00000000-0000-4000-8000-000000000001)`))).toMatchObject({ status: 404, code: 'Internal_RecordNotFound' });
  });

  it('has no externalDocumentNumber, as BC’s generalLedgerEntry has none', async () => {
    expect(await errorOf(await api('GET', `${entries}?$filter=externalDocumentNumber eq 'X-2'`))).toMatchObject({
      status: 400,
      message: expect.stringContaining("Could not find a property named 'externalDocumentNumber' on type 'Microsoft.NAV.generalLedgerEntry'."),
    });
  });

  it('gives both entries of a line the line’s dimensions, under dimensionSetLines', async () => {
    await sendTwoLines();
    await postJournal();
    const [income, contra, refund] = sim.generalLedgerEntries('MS-2025-03-31').map((entry) => String(entry['id']));
    const sag = sim.dimensions().find((dimension) => dimension.code === 'SAG');

    const incomeDimensions = await get(`${entries}(${income})/dimensionSetLines`);
    const contraDimensions = await get(`${entries}(${contra})/dimensionSetLines`);
    const one = (await (await api('GET', `${entries}(${income})/dimensionSetLines(${sag?.id})`)).json()) as Record<string, unknown>;

    expect(incomeDimensions.value).toMatchObject([{ id: sag?.id, code: 'SAG', valueCode: 'P123', parentId: income, parentType: 'General Ledger Entry' }]);
    expect(contraDimensions.value).toMatchObject([{ code: 'SAG', valueCode: 'P123', parentId: contra }]);
    expect((await get(`${entries}(${refund})/dimensionSetLines`)).value).toEqual([]);
    expect(one).toMatchObject({ code: 'SAG', valueCode: 'P123' });
    expect(sim.generalLedgerEntries('MS-2025-03-31')[0]?.dimensionSetLines).toMatchObject([{ code: 'SAG', valueCode: 'P123', displayName: 'Sag' }]);
  });

  it('refuses to create, change or delete entries or their dimensions with 405', async () => {
    await sendTwoLines();
    await postJournal();
    const id = String(sim.generalLedgerEntries()[0]?.['id']);

    expect(await errorOf(await api('POST', entries, { documentNumber: 'MS-2025-03-31', accountNumber: '1040', debitAmount: 1 }))).toMatchObject({
      status: 405,
      code: 'BadRequest_MethodNotAllowed',
    });
    expect((await api('DELETE', `${entries}(${id})`, undefined, { 'if-match': '*' })).status).toBe(405);
    expect((await api('PATCH', `${entries}(${id})`, { description: 'x' }, { 'if-match': '*' })).status).toBe(405);
    expect((await api('POST', `${entries}(${id})/dimensionSetLines`, { code: 'SAG', valueCode: 'P9' })).status).toBe(405);
    expect(sim.generalLedgerEntries()).toHaveLength(4);
  });

  it('needs a token, as every entity set does', async () => {
    const response = await fetch(`${sim.url}/${entries}`);

    expect(await errorOf(response)).toMatchObject({ status: 401, code: 'Authentication_InvalidCredentials' });
  });

  it('numbers entries on across postings; reset clears the ledger, and numbering starts again at 1', async () => {
    await sendTwoLines();
    await postJournal();
    await sendLine({ documentNumber: 'MS-2025-04-30', externalDocumentNumber: 'X-3' });
    await postJournal();
    expect(sim.generalLedgerEntries('MS-2025-04-30').map((entry) => entry['entryNumber'])).toEqual([5, 6]);

    expect((await fetch(`${sim.authorityUrl}/_sim/reset`, { method: 'POST' })).status).toBe(204);
    expect((await get(entries)).value).toEqual([]);
    await sendLine({});
    await postJournal();
    expect(sim.generalLedgerEntries().map((entry) => entry['entryNumber'])).toEqual([1, 2]);
  });

  it('lists the entries on the control route GET /_sim/general-ledger-entries[?documentNumber=]', async () => {
    await sendTwoLines();
    await sendLine({ documentNumber: 'MS-2025-04-30', externalDocumentNumber: 'X-3' });
    await postJournal();

    const all = (await (await fetch(`${sim.authorityUrl}/_sim/general-ledger-entries`)).json()) as { generalLedgerEntries: unknown[] };
    const one = (await (await fetch(`${sim.authorityUrl}/_sim/general-ledger-entries?documentNumber=ms-2025-04-30`)).json()) as { generalLedgerEntries: unknown[] };

    expect(all.generalLedgerEntries).toHaveLength(6);
    expect(one.generalLedgerEntries).toMatchObject([
      { entryNumber: 5, accountNumber: '1040', creditAmount: 1250.5, dimensionSetLines: [] },
      { entryNumber: 6, accountNumber: '5850', debitAmount: 1250.5 },
    ]);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BusinessCentralSimulator, startBusinessCentralSimulator } from './server.js';
import { type ApiClient, apiClient, errorOf, journalLine, journalLinesPath } from './testRequests.js';

let sim: BusinessCentralSimulator;
let api: ApiClient;
let lines: string;

interface Collection {
  value: Record<string, unknown>[];
  '@odata.nextLink'?: string;
  '@odata.context': string;
}

beforeAll(async () => {
  sim = await startBusinessCentralSimulator({ journals: [{ code: 'MSENGINE', displayName: 'MS-engine' }, { code: 'DEFAULT', displayName: 'Standard' }] });
  api = await apiClient(sim);
  lines = await journalLinesPath(sim, api);
});
afterAll(() => sim.close());
beforeEach(async () => {
  sim.reset();
  for (const [document, external] of [
    ['DOC-A', 'A-1'],
    ['DOC-A', 'A-2'],
    ['DOC-B', 'B-1'],
    ['DOC-A', 'A-3'],
    ['DOC-A', "A-'4"],
  ]) {
    expect((await api('POST', lines, journalLine({ documentNumber: document, externalDocumentNumber: external }))).status).toBe(201);
  }
});

async function get(path: string, headers: Record<string, string> = {}): Promise<Collection> {
  const response = await api('GET', path, undefined, headers);
  expect(response.status).toBe(200);
  return (await response.json()) as Collection;
}

const externals = (collection: Collection) => collection.value.map((line) => line['externalDocumentNumber']);

describe('collections', () => {
  it('lists the company, its journals (by code with $filter), dimensions and G/L accounts', async () => {
    const companies = await get('companies');
    const journals = await get(`companies(${sim.companyId})/journals?$filter=code eq 'DEFAULT'`);
    const dimensions = await get(`companies(${sim.companyId})/dimensions`);
    const accounts = await get(`companies(${sim.companyId})/accounts?$filter=number eq '5850'`);

    expect(companies.value).toMatchObject([{ id: sim.companyId, name: 'MS' }]);
    expect(journals.value).toMatchObject([{ code: 'DEFAULT', displayName: 'Standard', templateDisplayName: 'GENERAL' }]);
    expect(dimensions.value.map((dimension) => dimension['code'])).toEqual(['SAG', 'SAGSOPGAVE']);
    expect(accounts.value).toMatchObject([{ number: '5850', displayName: 'MobilePay', accountType: 'Posting', blocked: false }]);
    expect(journals['@odata.context']).toBe(`${sim.url}/$metadata#companies(${sim.companyId})/journals`);
  });

  it('filters journal lines by documentNumber and externalDocumentNumber, text without regard to case', async () => {
    expect(externals(await get(`${lines}?$filter=documentNumber eq 'DOC-A'`))).toEqual(['A-1', 'A-2', 'A-3', "A-'4"]);
    expect(externals(await get(`${lines}?$filter=documentNumber eq 'doc-a' and externalDocumentNumber eq 'A-''4'`))).toEqual(["A-'4"]);
    expect(externals(await get(`${lines}?$filter=lineNumber gt 30000`))).toEqual(['A-3', "A-'4"]);
  });

  it('pages by the server’s page size with @odata.nextLink, which keeps the filter', async () => {
    sim.setMaxPageSize(2);

    const first = await get(`${lines}?$filter=documentNumber eq 'DOC-A'`);
    const second = await get(String(first['@odata.nextLink']).slice(sim.url.length + 1));

    expect(externals(first)).toEqual(['A-1', 'A-2']);
    expect(first['@odata.nextLink']).toBe(`${sim.url}/${lines}?$filter=documentNumber%20eq%20%27DOC-A%27&$skiptoken=2`);
    expect(externals(second)).toEqual(['A-3', "A-'4"]);
    expect(second['@odata.nextLink']).toBeUndefined();
  });

  it('pages by Prefer: odata.maxpagesize, and honours $top and $skip', async () => {
    const preferred = await get(lines, { prefer: 'odata.maxpagesize=3' });

    expect(externals(preferred)).toEqual(['A-1', 'A-2', 'B-1']);
    expect(preferred['@odata.nextLink']).toContain('$skiptoken=3');
    expect(externals(await get(`${lines}?$skip=1&$top=2`))).toEqual(['A-2', 'B-1']);
  });

  it('returns only the $select-ed properties', async () => {
    expect((await get(`${lines}?$select=externalDocumentNumber&$top=1`)).value).toEqual([
      { '@odata.etag': expect.any(String), externalDocumentNumber: 'A-1' },
    ]);
  });

  it('answers 400 for a filter it cannot read, an unknown property and a query option it does not support', async () => {
    expect(await errorOf(await api('GET', `${lines}?$filter=documentNumber eq`))).toMatchObject({ status: 400, code: 'BadRequest_NotFound' });
    expect(await errorOf(await api('GET', `${lines}?$filter=documentNo eq 'X'`))).toMatchObject({
      status: 400,
      message: expect.stringContaining("Could not find a property named 'documentNo' on type 'Microsoft.NAV.journalLine'."),
    });
    expect(await errorOf(await api('GET', `${lines}?$expand=dimensionSetLines`))).toMatchObject({ status: 400, code: 'BadRequest' });
  });

  it('answers 404 for an unknown company, journal or segment', async () => {
    expect(await errorOf(await api('GET', 'companies(00000000-0000-4000-8000-000000000001)/journals'))).toMatchObject({ status: 404, code: 'Internal_RecordNotFound' });
    expect(await errorOf(await api('GET', `companies(${sim.companyId})/journals(00000000-0000-4000-8000-000000000001)/journalLines`))).toMatchObject({ status: 404 });
    expect(await errorOf(await api('GET', `companies(${sim.companyId})/customers`))).toMatchObject({
      status: 404,
      code: 'BadRequest_ResourceNotFound',
      message: expect.stringContaining("Resource not found for the segment 'customers'."),
    });
  });
});

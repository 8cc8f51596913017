import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BusinessCentralSimulator, localBusinessCentral, startBusinessCentralSimulator } from './server.js';
import { type ApiClient, apiClient, journalLine, journalLinesPath } from './testRequests.js';

let sim: BusinessCentralSimulator;
let api: ApiClient;
let lines: string;

beforeAll(async () => {
  sim = await startBusinessCentralSimulator();
});
afterAll(() => sim.close());
beforeEach(async () => {
  sim.reset();
  api = await apiClient(sim);
  lines = await journalLinesPath(sim, api);
});

const control = (method: string, path: string, body?: unknown) =>
  fetch(`${sim.authorityUrl}/_sim/${path}`, {
    method,
    ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });

async function sendLine(fields: Record<string, unknown> = {}): Promise<string> {
  const line = (await (await api('POST', lines, journalLine(fields))).json()) as { id: string };
  await api('POST', `${lines}(${line.id})/dimensionSetLines`, { code: 'SAG', valueCode: 'P123' });
  return line.id;
}

describe('the /_sim control API', () => {
  it('starts with the local company, journal and credentials the engine is configured with locally', () => {
    expect(sim.companyId).toBe(localBusinessCentral.companyId);
    expect(sim.journalCode).toBe('MSENGINE');
    expect(sim.url).toBe(`${sim.authorityUrl}/v2.0/${localBusinessCentral.tenantId}/sandbox/api/v2.0`);
  });

  it('shows the journal lines BC received, with their dimensions', async () => {
    await sendLine();

    const { journalLines } = (await (await control('GET', 'journal-lines?journal=MSENGINE')).json()) as { journalLines: unknown[] };

    expect(journalLines).toMatchObject([
      { journalCode: 'MSENGINE', accountNumber: '1040', balancingAccountNumber: '5850', amount: -1250.5, dimensionSetLines: [{ code: 'SAG', valueCode: 'P123' }] },
    ]);
  });

  it('posts a journal: its lines leave the journal and are listed as posted', async () => {
    await sendLine();

    expect((await control('POST', 'journals/MSENGINE/post')).status).toBe(200);
    expect((await control('POST', 'journals/NOPE/post')).status).toBe(404);

    expect(sim.journalLines()).toEqual([]);
    const { journalLines } = (await (await control('GET', 'posted-journal-lines')).json()) as { journalLines: unknown[] };
    expect(journalLines).toMatchObject([{ externalDocumentNumber: 'MS-2025-03-31-1040-5850', postedAt: expect.any(String) }]);
  });

  it('replaces the chart of accounts and the dimensions', async () => {
    expect((await control('PUT', 'accounts', [{ number: '3000', displayName: 'Arv' }, { number: '5850', displayName: 'MobilePay' }])).status).toBe(200);
    expect((await control('PUT', 'dimensions', [{ code: 'AFDELING', displayName: 'Afdeling', values: ['IT'] }])).status).toBe(200);

    expect((await api('POST', lines, journalLine())).status).toBe(400);
    const line = (await (await api('POST', lines, journalLine({ accountNumber: '3000' }))).json()) as { id: string };
    expect((await api('POST', `${lines}(${line.id})/dimensionSetLines`, { code: 'SAG', valueCode: 'P1' })).status).toBe(400);
    expect((await api('POST', `${lines}(${line.id})/dimensionSetLines`, { code: 'AFDELING', valueCode: 'IT' })).status).toBe(201);
    expect((await (await control('GET', 'dimensions')).json()) as unknown).toMatchObject({ dimensions: [{ code: 'AFDELING', values: ['IT'] }] });
  });

  it('injects faults, sets limits and the page size, expires tokens and shows the request log', async () => {
    expect((await control('POST', 'faults', { method: 'GET', path: '/v2.0/**', status: 500 })).status).toBe(201);
    expect((await api('GET', 'companies')).status).toBe(500);
    expect(await (await control('PUT', 'limits', { requestsPerMinute: 1 })).json()).toMatchObject({ requestsPerMinute: 1, maxConcurrentRequests: 5 });
    expect((await api('GET', 'companies')).status).toBe(200);
    expect((await api('GET', 'companies')).status).toBe(429);
    expect((await control('PUT', 'page-size', { maxPageSize: 1 })).status).toBe(200);
    expect(sim.maxPageSize).toBe(1);
    expect((await control('POST', 'tokens/expire')).status).toBe(204);

    const { requests } = (await (await control('GET', 'requests')).json()) as { requests: { method: string; status: number }[] };
    expect(requests.slice(-3).map((request) => request.status)).toEqual([500, 200, 429]);
    expect((await control('PUT', 'limits', { requestsPerMinute: 0 })).status).toBe(400);
  });

  it('reset forgets lines, faults, changed limits, accounts and the log, and keeps the journal’s id', async () => {
    await sendLine();
    sim.setAccounts([]);
    sim.setLimits({ requestsPerMinute: 1 });
    sim.injectFault({ path: '/**', status: 500 });

    expect((await control('POST', 'reset')).status).toBe(204);

    expect(sim.journalLines()).toEqual([]);
    expect(sim.requests()).toEqual([]);
    expect(sim.faults.pending()).toEqual([]);
    expect(sim.limits().requestsPerMinute).toBe(300);
    expect((await api('POST', lines, journalLine())).status).toBe(201);
  });
});

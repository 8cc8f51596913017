import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosmosVersionedStore } from '../../adapters/cosmos/CosmosVersionedStore.js';
import { createCosmosClient } from '../../adapters/cosmos/cosmosClient.js';
import type { SmsKeyword, SmsKeywordTable } from '../../domain/keywords/SmsKeyword.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { type RunningCosmos, startCosmos } from '../../local/standins/cosmos.js';
import { keywordRoutes } from './keywordRoutes.js';
import { mapErrors } from './mapErrors.js';

let cosmos: RunningCosmos;
let app: Hono;
const logger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
/** Staff schedule the hand-over in March, ahead of the new campaign's start in June. */
const now = new Date('2026-03-01T12:00:00.000Z');

beforeAll(async () => {
  cosmos = await startCosmos();
  const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, database: 'test' });
  const { database } = await client.databases.createIfNotExists({ id: 'test' });
  const { container } = await database.containers.createIfNotExists({ id: 'engine-state', partitionKey: { paths: ['/id'] } });
  const keywords = new CosmosVersionedStore<SmsKeywordTable>(container);
  // The engine's app maps domain errors to statuses for every route (handlers/http/mapErrors.ts).
  app = new Hono().onError(mapErrors(logger)).route('/admin/keywords', keywordRoutes({ keywords, clock: { now: () => now } }));
});
afterAll(() => cosmos.close());

const send = (method: string, path: string, body?: unknown) =>
  app.request(`/admin/keywords${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
const resolve = (keyword: string, at?: string) => send('GET', `/resolve?keyword=${encodeURIComponent(keyword)}${at ? `&at=${encodeURIComponent(at)}` : ''}`);
const table = async () => (await (await send('GET', '/table')).json()) as SmsKeywordTable;
const fieldsOf = async (response: Response) => ((await response.json()) as { fields: { field: string; problem: string }[] }).fields;

const klimaList = { kind: 'add-to-marketing-list', list: 'klima-nyheder' };
const klimaPetition = { kind: 'create-signature', petitionId: 'klima-underskrift' };

describe('SMS keyword routes', () => {
  it('[OnlineFundraising8] STOP and AFMELD resolve to withdraw-sms-consent by default, in any case', async () => {
    for (const keyword of ['STOP', 'afmeld', ' Stop ']) {
      const found = await resolve(keyword);
      expect(found.status).toBe(200);
      expect(await found.json()).toEqual({ keyword: keyword.trim().toUpperCase(), campaignCode: 'SMS-AFMELD', validFrom: '2000-01-01T00:00:00.000Z', action: { kind: 'withdraw-sms-consent' } });
    }
  });

  it('[OnlineFundraising9] a keyword reused by a later campaign, scheduled ahead, resolves to the old campaign before the hand-over and the new one from it', async () => {
    expect((await send('POST', '', { keyword: 'klima', campaignCode: 'KLIMA-2025', validFrom: '2025-01-01', action: klimaList })).status).toBe(201);
    const scheduled = await send('POST', '', { keyword: 'KLIMA', campaignCode: 'KLIMA-2026', validFrom: '2026-06-01T00:00:00+02:00', action: klimaPetition });
    expect(scheduled.status).toBe(201);
    expect(await scheduled.json()).toEqual({
      id: 'sms-keywords',
      assignments: [
        { keyword: 'STOP', campaignCode: 'SMS-AFMELD', validFrom: '2000-01-01T00:00:00.000Z', action: { kind: 'withdraw-sms-consent' } },
        { keyword: 'AFMELD', campaignCode: 'SMS-AFMELD', validFrom: '2000-01-01T00:00:00.000Z', action: { kind: 'withdraw-sms-consent' } },
        { keyword: 'KLIMA', campaignCode: 'KLIMA-2025', validFrom: '2024-12-31T23:00:00.000Z', validTo: '2026-05-31T22:00:00.000Z', action: klimaList },
        { keyword: 'KLIMA', campaignCode: 'KLIMA-2026', validFrom: '2026-05-31T22:00:00.000Z', action: klimaPetition },
      ],
      updatedAt: now.toISOString(),
    });
    expect(await (await resolve('klima')).json()).toMatchObject({ campaignCode: 'KLIMA-2025' });
    expect(await (await resolve('KLIMA', '2026-05-31T23:59:59.999+02:00')).json()).toMatchObject({ campaignCode: 'KLIMA-2025', action: klimaList });
    expect(await (await resolve('KLIMA', '2026-06-01T00:00:00+02:00')).json()).toMatchObject({ campaignCode: 'KLIMA-2026', action: klimaPetition });
  });

  it('[OnlineFundraising9] GET /admin/keywords?from=&to= shows both campaigns with their part of the period', async () => {
    const response = await send('GET', '?from=2026-05-01&to=2026-07-01');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      from: '2026-04-30T22:00:00.000Z',
      to: '2026-06-30T22:00:00.000Z',
      campaigns: [
        { campaignCode: 'KLIMA-2025', keywords: [{ keyword: 'KLIMA', action: klimaList, from: '2026-04-30T22:00:00.000Z', to: '2026-05-31T22:00:00.000Z' }] },
        { campaignCode: 'KLIMA-2026', keywords: [{ keyword: 'KLIMA', action: klimaPetition, from: '2026-05-31T22:00:00.000Z', to: '2026-06-30T22:00:00.000Z' }] },
        {
          campaignCode: 'SMS-AFMELD',
          keywords: [
            { keyword: 'AFMELD', action: { kind: 'withdraw-sms-consent' }, from: '2026-04-30T22:00:00.000Z', to: '2026-06-30T22:00:00.000Z' },
            { keyword: 'STOP', action: { kind: 'withdraw-sms-consent' }, from: '2026-04-30T22:00:00.000Z', to: '2026-06-30T22:00:00.000Z' },
          ],
        },
      ],
    });
  });

  it('[OnlineFundraising9] overlapping periods are refused with 400 naming the field, and the table is unchanged', async () => {
    const before = await table();
    const scheduled = await send('POST', '', { keyword: 'KLIMA', campaignCode: 'HAV-2026', validFrom: '2026-05-15T00:00:00Z', validTo: '2026-05-20T00:00:00Z', action: { kind: 'none' } });
    expect(scheduled.status).toBe(400);
    expect(await scheduled.clone().json()).toMatchObject({ error: 'invalid_keyword_periods' });
    expect(await fieldsOf(scheduled)).toEqual([
      { field: 'validFrom', problem: 'overlaps KLIMA for campaign KLIMA-2025 from 2024-12-31T23:00:00.000Z to 2026-05-31T22:00:00.000Z' },
    ]);
    const replaced = await send('PUT', '/table', {
      assignments: [
        { keyword: 'HAV', campaignCode: 'HAV-2025', validFrom: '2025-01-01T00:00:00Z', validTo: '2026-01-01T00:00:00Z', action: { kind: 'none' } },
        { keyword: 'hav', campaignCode: 'HAV-2026', validFrom: '2025-12-01T00:00:00Z', action: { kind: 'none' } },
      ],
    });
    expect(replaced.status).toBe(400);
    expect(await fieldsOf(replaced)).toEqual([
      { field: 'assignments.1.validFrom', problem: 'overlaps HAV for campaign HAV-2025 from 2025-01-01T00:00:00.000Z to 2026-01-01T00:00:00.000Z' },
    ]);
    expect(await table()).toEqual(before);
  });

  it('[OnlineFundraising9] staff replace the whole table; keywords are stored upper case and instants in UTC', async () => {
    const replaced = await send('PUT', '/table', {
      assignments: [
        { keyword: ' grøn ', campaignCode: 'GRØN-2026', validFrom: '2026-01-01T00:00:00+01:00', action: klimaList },
        { keyword: 'STOP', campaignCode: 'SMS-AFMELD', validFrom: '2000-01-01T00:00:00Z', action: { kind: 'withdraw-sms-consent' } },
      ],
    });
    expect(replaced.status).toBe(200);
    expect((await table()).assignments).toEqual([
      { keyword: 'GRØN', campaignCode: 'GRØN-2026', validFrom: '2025-12-31T23:00:00.000Z', action: klimaList },
      { keyword: 'STOP', campaignCode: 'SMS-AFMELD', validFrom: '2000-01-01T00:00:00.000Z', action: { kind: 'withdraw-sms-consent' } },
    ]);
    expect((await resolve('KLIMA')).status).toBe(404);
  });

  it('[OnlineFundraising8] an unknown keyword gives 404 unknown_keyword', async () => {
    const response = await resolve('UKENDT');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'unknown_keyword' });
    expect((await resolve('GRØN', '2025-12-31')).status).toBe(404);
  });

  it('[OnlineFundraising9] malformed or missing dates, and a period that does not move forward, are refused by field', async () => {
    const missing = await send('GET', '?from=2026-13-01');
    expect(missing.status).toBe(400);
    expect((await fieldsOf(missing)).map((field) => field.field)).toEqual(['from', 'to']);
    const backwards = await send('GET', '?from=2026-06-01&to=2026-06-01T00:00:00%2B02:00');
    expect(await fieldsOf(backwards)).toEqual([{ field: 'to', problem: 'must be after from' }]);
    const noOffset = await send('GET', '?from=2026-06-01T00:00:00&to=2026-07-01');
    expect((await fieldsOf(noOffset)).map((field) => field.field)).toEqual(['from']);
  });

  it('[OnlineFundraising9] a malformed assignment is refused with 400 naming each bad field, and nothing is stored', async () => {
    const before = await table();
    const refused = await send('POST', '', { keyword: 'K!', campaignCode: ' ', validFrom: 'tomorrow', action: { kind: 'add-to-marketing-list' } });
    expect(refused.status).toBe(400);
    expect((await fieldsOf(refused)).map((field) => field.field).sort()).toEqual(['action.list', 'campaignCode', 'keyword', 'validFrom']);
    const backwards = await send('POST', '', { keyword: 'HAV', campaignCode: 'HAV-2026', validFrom: '2026-06-01', validTo: '2026-05-01', action: { kind: 'none' } });
    expect(await fieldsOf(backwards)).toEqual([{ field: 'validTo', problem: 'must be after validFrom' }]);
    expect(await table()).toEqual(before);
  });
});

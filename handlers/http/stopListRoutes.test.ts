import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosmosStopList } from '../../adapters/cosmos/CosmosStopList.js';
import { createCosmosClient } from '../../adapters/cosmos/cosmosClient.js';
import { uuidIds } from '../../adapters/system/UuidIds.js';
import type { LogFields, Logger } from '../../domain/shared/Logger.js';
import type { StopListEntry } from '../../domain/stoplist/StopListEntry.js';
import { type RunningCosmos, startCosmos } from '../../local/standins/cosmos.js';
import { stopListRoutes } from './stopListRoutes.js';
import { actorReference } from '../../domain/shared/Actor.js';
import { colleague, signedInAs } from '../../test/support/signedInAs.js';

const lise = colleague('Lise', '66666666-0000-4000-8000-00000000115e');
const ole = colleague('Ole', '66666666-0000-4000-8000-0000000001e0');
let signedIn = lise;

let cosmos: RunningCosmos;
let app: Hono;
let stopList: CosmosStopList;
const warnings: { message: string; fields?: LogFields }[] = [];
const logger: Logger = { info: () => {}, warn: (message, fields) => warnings.push({ message, ...(fields && { fields }) }), error: () => {} };

beforeAll(async () => {
  cosmos = await startCosmos();
  const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, database: 'test' });
  const { database } = await client.databases.createIfNotExists({ id: 'test' });
  const { container } = await database.containers.createIfNotExists({ id: 'stop-list', partitionKey: { paths: ['/id'] } });
  stopList = new CosmosStopList(container);
  app = new Hono().use('*', signedInAs(() => signedIn)).route('/admin/stop-list', stopListRoutes({ stopList, ids: uuidIds, clock: { now: () => new Date() }, logger }));
});
afterAll(() => cosmos.close());

const send = (method: string, path: string, body?: unknown) =>
  app.request(`/admin/stop-list${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
const add = (fields: Record<string, unknown>) => send('POST', '', { requestedAt: '2026-02-27', sms: false, telemarketing: false, source: 'medlemsservice', ...fields });
const check = async (body: Record<string, unknown>) => (await send('POST', '/check', body)).json() as Promise<{ stopListed: boolean; entries: StopListEntry[] }>;

describe('stop-list routes', () => {
  it('[StopList] staff add an entry; a differently written phone is then stop-listed for SMS, with no person record', async () => {
    const created = await add({ name: 'Anne Berg', phone: '+45 31 11 22 33', sms: true, source: 'dialer' });
    expect(created.status).toBe(201);
    const entry = (await created.json()) as StopListEntry;
    expect(entry).toMatchObject({ name: 'Anne Berg', phone: '+4531112233', sms: true, telemarketing: false, source: 'dialer', addedBy: actorReference(lise.actor), requestedAt: '2026-02-27' });
    expect(await (await send('GET', `/${entry.id}`)).json()).toEqual(entry);
    expect(await check({ phones: ['31 11 22 33'], purpose: 'sms' })).toEqual({ stopListed: true, entries: [entry] });
  });

  it('[StopList] an SMS-only entry does not stop a call', async () => {
    await add({ phone: '32 11 22 33', sms: true });
    expect(await check({ phones: ['32112233'], purpose: 'sms' })).toMatchObject({ stopListed: true });
    expect(await check({ phones: ['32112233'], purpose: 'telemarketing' })).toEqual({ stopListed: false, entries: [] });
  });

  it('[StopList] an email is checked whatever its case', async () => {
    await add({ email: 'Mette.Lund@Example.dk', telemarketing: true });
    expect(await check({ emails: [' METTE.LUND@example.DK'], purpose: 'any' })).toMatchObject({ stopListed: true, entries: [{ email: 'mette.lund@example.dk' }] });
  });

  it('[StopList] adding the same phone twice keeps one entry: the second answers 200 with it widened', async () => {
    const first = (await (await add({ phone: '33 11 22 33', sms: true })).json()) as StopListEntry;
    signedIn = ole;
    const second = await add({ phone: '0045 33112233', telemarketing: true });
    signedIn = lise;
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ id: first.id, sms: true, telemarketing: true, widenedBy: actorReference(ole.actor) });
    expect(await stopList.findByContact({ phones: ['+4533112233'], emails: [] })).toHaveLength(1);
  });

  it('[StopList] deleted, the entry is gone and the contact is no longer stop-listed', async () => {
    const entry = (await (await add({ email: 'gone@example.dk', sms: true })).json()) as StopListEntry;
    expect((await send('DELETE', `/${entry.id}`)).status).toBe(204);
    expect(await check({ emails: ['gone@example.dk'], purpose: 'any' })).toEqual({ stopListed: false, entries: [] });
    expect((await send('GET', `/${entry.id}`)).status).toBe(404);
    const again = await send('DELETE', `/${entry.id}`);
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ error: 'not_found' });
  });

  it('[StopList] bad input is refused with 400 naming every bad field, logged without the values, and nothing is stored', async () => {
    const refused = await send('POST', '', { phone: '1234', email: 'bad-input@example.dk', requestedAt: '27/2/2026', sms: 'yes', source: 'dialer', addedBy: 'lise' });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: string; fields: { field: string; problem: string }[] };
    expect(body.error).toBe('invalid_request');
    expect(body.fields.map((f) => f.field).sort()).toEqual(['phone', 'requestedAt', 'sms', 'telemarketing']);
    expect(body.fields).toContainEqual({ field: 'phone', problem: 'phone is not a valid phone number' });
    expect(await stopList.findByContact({ phones: [], emails: ['bad-input@example.dk'] })).toEqual([]);
    const warning = warnings.at(-1)!;
    expect(warning.message).toBe('stop-list request refused');
    expect(JSON.stringify(warning)).not.toContain('bad-input@example.dk');
  });

  it('[StopList] an entry that stops neither SMS nor calls is refused: the stop file stops one or both', async () => {
    const refused = await add({ phone: '34 11 22 33' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { fields: unknown[] }).fields).toEqual([{ field: 'sms', problem: 'flag at least one channel: sms or telemarketing' }]);
    expect(await stopList.findByContact({ phones: ['+4534112233'], emails: [] })).toEqual([]);
  });

  it('[StopList] an entry without phone or email is refused: "give a phone or an email"', async () => {
    const refused = await add({ name: 'Nobody', phone: ' ', email: '', sms: true });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { fields: unknown[] }).fields).toEqual([
      { field: 'phone', problem: 'give a phone or an email' },
      { field: 'email', problem: 'give a phone or an email' },
    ]);
    expect((await send('POST', '', 'not json')).status).toBe(400);
  });

  it('[StopList] a check names a phone it cannot read, and needs a phone or an email and a purpose', async () => {
    const unreadable = await send('POST', '/check', { phones: ['12'], purpose: 'sms' });
    expect(unreadable.status).toBe(400);
    expect(((await unreadable.json()) as { fields: unknown[] }).fields).toEqual([{ field: 'phones.0', problem: 'not a valid phone number' }]);
    const empty = (await (await send('POST', '/check', { purpose: 'letter' })).json()) as { fields: { field: string }[] };
    expect(empty.fields.map((f) => f.field)).toEqual(['purpose']);
    const nothing = (await (await send('POST', '/check', { purpose: 'sms' })).json()) as { fields: unknown[] };
    expect(nothing.fields).toEqual([{ field: 'phones', problem: 'give a phone or an email' }]);
  });

  it('[StopList] lists the entries a page at a time', async () => {
    const first = (await (await send('GET', '?pageSize=2')).json()) as { entries: StopListEntry[]; continuationToken?: string };
    expect(first.entries).toHaveLength(2);
    expect(first.continuationToken).toBeDefined();
    const next = (await (await send('GET', `?pageSize=2&continuationToken=${encodeURIComponent(first.continuationToken!)}`)).json()) as { entries: StopListEntry[] };
    expect(next.entries).toHaveLength(2);
    expect(next.entries.map((e) => e.id)).not.toContain(first.entries[0]!.id);
    const bad = await send('GET', '?pageSize=0');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['pageSize']);
  });
});

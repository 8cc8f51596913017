import type { Database } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../domain/shared/Clock.js';
import { addToStopList, type StopListRequest } from '../../domain/stoplist/addToStopList.js';
import { InvalidStopListRequestError } from '../../domain/stoplist/errors.js';
import { excludeStopListed } from '../../domain/stoplist/excludeStopListed.js';
import { removeFromStopList } from '../../domain/stoplist/removeFromStopList.js';
import type { StopListEntry } from '../../domain/stoplist/StopListEntry.js';
import { stopListedFor } from '../../domain/stoplist/stopListedFor.js';
import { type RunningCosmos, startCosmos } from '../../local/standins/cosmos.js';
import { uuidIds } from '../system/UuidIds.js';
import { CosmosStopList } from './CosmosStopList.js';
import { createCosmosClient } from './cosmosClient.js';

let cosmos: RunningCosmos;
let database: Database;
let stopList: CosmosStopList;
let minute = 0;
/** Each reading a minute later, so entries are ordered by when they were added. */
const clock: Clock = { now: () => new Date(Date.UTC(2026, 2, 1, 9, minute++)) };
const ports = () => ({ stopList, ids: uuidIds, clock });

async function stopListContainer(id: string): Promise<CosmosStopList> {
  const { container } = await database.containers.createIfNotExists({ id, partitionKey: { paths: ['/id'] } });
  return new CosmosStopList(container);
}

beforeAll(async () => {
  cosmos = await startCosmos();
  const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, database: 'test' });
  ({ database } = await client.databases.createIfNotExists({ id: 'test' }));
  stopList = await stopListContainer('stop-list');
});
afterAll(() => cosmos.close());

const request = (fields: Partial<StopListRequest>): StopListRequest => ({
  requestedAt: '2026-02-27',
  sms: false,
  telemarketing: false,
  source: 'medlemsservice',
  addedBy: 'lise',
  ...fields,
});

const entry = (id: string, fields: Partial<StopListEntry>): StopListEntry => ({
  id,
  requestedAt: '2026-02-27',
  sms: true,
  telemarketing: true,
  source: 'dialer',
  addedBy: 'ole',
  addedAt: clock.now().toISOString(),
  ...fields,
});

describe('CosmosStopList', () => {
  it('[StopList] finds entries by phone or by email, and none for other values or an empty contact', async () => {
    await stopList.add(entry('by-phone', { phone: '+4520000001' }));
    await stopList.add(entry('by-email', { email: 'finds@example.dk' }));
    await stopList.add(entry('by-both', { phone: '+4520000002', email: 'both@example.dk' }));
    const found = await stopList.findByContact({ phones: ['+4520000001', '+4520000002'], emails: ['finds@example.dk'] });
    expect(found.map((e) => e.id).sort()).toEqual(['by-both', 'by-email', 'by-phone']);
    expect(await stopList.findByContact({ phones: ['+4520000009'], emails: ['nobody@example.dk'] })).toEqual([]);
    expect(await stopList.findByContact({ phones: [], emails: [] })).toEqual([]);
  });

  it('replaces only under the current ETag, and removing tells whether the entry was there', async () => {
    await stopList.add(entry('versioned', { phone: '+4520000003', sms: true, telemarketing: false }));
    const read = (await stopList.get('versioned'))!;
    expect(await stopList.replace({ ...read.value, telemarketing: true }, read.etag)).toBe('replaced');
    expect(await stopList.replace({ ...read.value, sms: false }, read.etag)).toBe('stale');
    expect((await stopList.get('versioned'))?.value).toMatchObject({ sms: true, telemarketing: true });
    expect(await stopList.remove('versioned')).toBe(true);
    expect(await stopList.remove('versioned')).toBe(false);
    expect(await stopList.get('versioned')).toBeNull();
  });

  it('[StopList] lists the entries newest first, a page at a time', async () => {
    const paged = await stopListContainer('stop-list-paging');
    for (const id of ['first', 'second', 'third']) await paged.add(entry(id, { phone: '+4520000004' }));
    const first = await paged.list({ pageSize: 2 });
    expect(first.entries.map((e) => e.id)).toEqual(['third', 'second']);
    const second = await paged.list({ pageSize: 2, continuationToken: first.continuationToken! });
    expect(second.entries.map((e) => e.id)).toEqual(['first']);
    expect(second.continuationToken).toBeUndefined();
  });
});

describe('stop-list use cases on the Cosmos stand-in', () => {
  it('[StopList] a phone written another way than on the entry excludes the person, with no person record anywhere', async () => {
    const { entry: listed } = await addToStopList(request({ phone: '+45 22 33 44 55', sms: true }), ports());
    expect(listed.phone).toBe('+4522334455');
    const people = [
      { name: 'spaces', phone: '22 33 44 55' },
      { name: 'prefixed', phone: '0045 2233 4455' },
      { name: 'someone else', phone: '22 33 44 56' },
    ];
    const { kept, excluded } = await excludeStopListed(people, (p) => ({ phones: [p.phone], emails: [] }), 'sms', ports());
    expect(kept.map((p) => p.name)).toEqual(['someone else']);
    expect(excluded).toEqual([
      { item: people[0], entryIds: [listed.id] },
      { item: people[1], entryIds: [listed.id] },
    ]);
  });

  it('[StopList] an email matches whatever its case and surrounding spaces', async () => {
    const { entry: listed } = await addToStopList(request({ email: ' Karen.Holm@Example.DK' }), ports());
    expect(listed.email).toBe('karen.holm@example.dk');
    expect(await stopListedFor({ phones: [], emails: ['KAREN.HOLM@example.dk '] }, 'any', ports())).toEqual([listed]);
  });

  it('[StopList] an SMS-only entry keeps the person out of SMS but not out of telemarketing', async () => {
    await addToStopList(request({ phone: '26 11 22 33', sms: true, telemarketing: false }), ports());
    const contact = { phones: ['+45 26112233'], emails: [] };
    expect(await stopListedFor(contact, 'sms', ports())).toHaveLength(1);
    expect(await stopListedFor(contact, 'telemarketing', ports())).toEqual([]);
    const leads = await excludeStopListed([contact], (c) => c, 'telemarketing', ports());
    expect(leads).toEqual({ kept: [contact], excluded: [] });
  });

  it('[StopList] an entry with neither flag keeps the person out of SMS, calls and segments', async () => {
    await addToStopList(request({ email: 'never@example.dk' }), ports());
    for (const purpose of ['sms', 'telemarketing', 'any'] as const) {
      expect(await stopListedFor({ phones: [], emails: ['never@example.dk'] }, purpose, ports())).toHaveLength(1);
    }
  });

  it('[StopList] adding the same phone again keeps one entry and widens it, never narrows it', async () => {
    const first = await addToStopList(request({ phone: '27 11 22 33', sms: true }), ports());
    const again = await addToStopList(request({ phone: '+4527112233', telemarketing: true, addedBy: 'ole' }), ports());
    expect(again.outcome).toBe('widened');
    expect(again.entry).toMatchObject({ id: first.entry.id, sms: true, telemarketing: true, widenedBy: 'ole' });
    const narrower = await addToStopList(request({ phone: '0045 27 11 22 33', sms: true }), ports());
    expect(narrower).toEqual({ outcome: 'already-listed', entry: again.entry });
    expect(await stopList.findByContact({ phones: ['+4527112233'], emails: [] })).toEqual([again.entry]);
  });

  it('[StopList] asking again with an email as well puts it on the entry that holds the phone', async () => {
    const first = await addToStopList(request({ phone: '28 11 22 33', sms: true }), ports());
    const again = await addToStopList(request({ phone: '28112233', email: 'Jens@Example.dk', sms: true }), ports());
    expect(again).toMatchObject({ outcome: 'widened', entry: { id: first.entry.id, phone: '+4528112233', email: 'jens@example.dk' } });
    expect(await stopListedFor({ phones: [], emails: ['jens@example.dk'] }, 'sms', ports())).toEqual([again.entry]);
  });

  it('[StopList] removed from the list, the person is no longer stop-listed', async () => {
    const { entry: listed } = await addToStopList(request({ phone: '29 11 22 33', sms: true, telemarketing: true }), ports());
    expect(await stopListedFor({ phones: ['29112233'], emails: [] }, 'telemarketing', ports())).toHaveLength(1);
    expect(await removeFromStopList(listed.id, ports())).toBe(true);
    expect(await stopListedFor({ phones: ['29112233'], emails: [] }, 'telemarketing', ports())).toEqual([]);
  });

  it('[StopList] a phone that is no valid number is refused, naming it, and nothing is stored', async () => {
    const refused = addToStopList(request({ phone: '1234', email: 'refused@example.dk' }), ports());
    await expect(refused).rejects.toBeInstanceOf(InvalidStopListRequestError);
    await expect(refused).rejects.toMatchObject({ fields: [{ field: 'phone', problem: 'phone is not a valid phone number' }] });
    expect(await stopList.findByContact({ phones: [], emails: ['refused@example.dk'] })).toEqual([]);
  });
});

import type { Container } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { petitionCounts } from '../../domain/signatures/petitionCounts.js';
import { type SignatureInput, recordSignature } from '../../domain/signatures/recordSignature.js';
import { withdrawSignature } from '../../domain/signatures/withdrawSignature.js';
import { type RunningCosmos, startCosmos } from '../../local/standins/cosmos.js';
import { uuidIds } from '../system/UuidIds.js';
import { CosmosSignatureStore } from './CosmosSignatureStore.js';
import { createCosmosClient } from './cosmosClient.js';

let cosmos: RunningCosmos;
let container: Container;
let signatures: CosmosSignatureStore;
const clock = { now: () => new Date('2026-05-04T10:00:00.000Z') };
const ports = () => ({ signatures, ids: uuidIds, clock });

beforeAll(async () => {
  cosmos = await startCosmos();
  const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, database: 'test' });
  const { database } = await client.databases.createIfNotExists({ id: 'test' });
  ({ container } = await database.containers.createIfNotExists({ id: 'signatures', partitionKey: { paths: ['/petitionId'] } }));
  signatures = new CosmosSignatureStore(container);
});
afterAll(() => cosmos.close());

const sign = (petitionId: string, sourceId: string, fields: Partial<SignatureInput>) =>
  recordSignature({ petitionId, personId: 'p-?', sourceKind: 'drupal-form', sourceId, signedAt: new Date('2026-05-01T09:00:00.000Z'), newLead: false, ...fields }, ports());
const counts = (petitionId: string) => petitionCounts(petitionId, ports());

describe('CosmosSignatureStore', () => {
  it('[OnlineFundraising15] counts on three levels: all, de-duplicated on phone and email, and new leads', async () => {
    await sign('klima', 'form-1:1', { personId: 'anna', email: 'anna@example.dk', phone: '22 33 44 55', newLead: true });
    await sign('klima', 'form-1:2', { personId: 'anna-2', email: 'ANNA@example.dk ', newLead: true }); // the same email: a duplicate
    await sign('klima', 'sms-9', { personId: 'anna', sourceKind: 'sms-keyword', phone: '+4522334455' }); // the same phone
    await sign('klima', 'form-1:3', { personId: 'bo', email: 'bo@example.dk', phone: '31 11 22 33' });
    await sign('klima', 'row-7', { personId: 'carl', sourceKind: 'playable-import', phone: '+46 70 123 45 67', newLead: true });
    // anna and anna-2 share an email: one new person to MS, however the engine has merged them so far.
    expect(await counts('klima')).toEqual({ petitionId: 'klima', all: 5, deduplicated: 3, newLeads: 2, withdrawn: 0 });
  });

  it('[OnlineFundraising15] a withdrawn signature is in none of the counts; withdrawing again changes nothing', async () => {
    await sign('skov', 'form-2:1', { personId: 'dorte', email: 'dorte@example.dk', newLead: true });
    const { signature } = await sign('skov', 'form-2:2', { personId: 'erik', email: 'erik@example.dk', newLead: true });
    await sign('skov', 'form-2:3', { personId: 'erik', phone: '40 50 60 70' });
    expect(await counts('skov')).toEqual({ petitionId: 'skov', all: 3, deduplicated: 3, newLeads: 2, withdrawn: 0 });
    const first = await withdrawSignature('skov', signature.id, 'erik by email', ports());
    expect(first).toMatchObject({ outcome: 'withdrawn', signature: { id: signature.id, withdrawnAt: '2026-05-04T10:00:00.000Z', withdrawnBy: 'erik by email' } });
    expect(await counts('skov')).toEqual({ petitionId: 'skov', all: 2, deduplicated: 2, newLeads: 1, withdrawn: 1 });
    const again = await withdrawSignature('skov', signature.id, 'lise', { signatures, clock: { now: () => new Date('2026-06-01T00:00:00.000Z') } });
    expect(again).toEqual({ outcome: 'already-withdrawn', signature: first.signature });
    expect((await signatures.get('skov', signature.id))?.value).toEqual(first.signature);
  });

  it('[OnlineFundraising15] withdrawing a signature the petition does not have is NotFoundError', async () => {
    const { signature } = await sign('hav', 'form-3:1', { personId: 'frida' });
    await expect(withdrawSignature('hav', 'no-such-signature', 'lise', ports())).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(withdrawSignature('skov', signature.id, 'lise', ports())).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('[OnlineFundraising15] an anonymised signer still counts on all three levels: the stored signature holds no raw email or phone', async () => {
    const email = 'Gitte.Holm@Example.dk';
    const phone = '26 27 28 29';
    const { signature } = await sign('vand', 'form-4:1', { personId: 'gitte', email, phone, newLead: true });
    await sign('vand', 'sms-41', { personId: 'gitte', sourceKind: 'sms-keyword', phone: '+4526272829' });
    await sign('vand', 'form-4:2', { personId: 'hans', email: 'hans@example.dk' });
    // Anonymising Gitte erases her email and phone on the person; her signatures never held them.
    const { resource: stored } = await container.item(signature.id, 'vand').read();
    const document = JSON.stringify(stored);
    for (const raw of [email, email.toLowerCase(), phone, '26272829', '+4526272829']) expect(document).not.toContain(raw);
    expect(stored).toMatchObject({ emailOk: true, phoneOk: true, newLead: true, personId: 'gitte' });
    expect(await counts('vand')).toEqual({ petitionId: 'vand', all: 3, deduplicated: 2, newLeads: 1, withdrawn: 0 });
  });

  it('[Leadflow] an invalid email is stored with emailOk false and does not de-duplicate', async () => {
    const { signature } = await sign('luft', 'form-5:1', { personId: 'ib', email: 'ib@example', phone: '1234' });
    await sign('luft', 'form-5:2', { personId: 'ib-2', email: 'ib@example' });
    expect((await signatures.get('luft', signature.id))?.value).toMatchObject({ emailOk: false, phoneOk: false, contactKeys: [] });
    expect(await counts('luft')).toMatchObject({ all: 2, deduplicated: 2 });
  });

  it('[Leadflow] recording the same source event twice adds one signature; the first recording, new lead included, stands', async () => {
    const first = await sign('jord', 'form-6:1', { personId: 'jens', email: 'jens@example.dk', newLead: true });
    // Redelivered: by now the person exists, so the caller no longer calls it a new lead.
    const again = await sign('jord', 'form-6:1', { personId: 'jens', email: 'jens@example.dk', newLead: false });
    expect(first.outcome).toBe('added');
    expect(again).toEqual({ outcome: 'exists', signature: first.signature });
    expect(await signatures.ofPetition('jord')).toHaveLength(1);
    expect(await counts('jord')).toEqual({ petitionId: 'jord', all: 1, deduplicated: 1, newLeads: 1, withdrawn: 0 });
  });

  it('[OnlineFundraising15] replace is conditional on the ETag it was read with', async () => {
    const { signature } = await sign('sol', 'form-7:1', { personId: 'kim' });
    const stored = (await signatures.get('sol', signature.id))!;
    expect(await signatures.replace({ ...stored.value, withdrawnBy: 'a', withdrawnAt: '2026-05-05T00:00:00.000Z' }, stored.etag)).toBe('replaced');
    expect(await signatures.replace({ ...stored.value, withdrawnBy: 'b', withdrawnAt: '2026-05-06T00:00:00.000Z' }, stored.etag)).toBe('stale');
    expect((await signatures.get('sol', signature.id))?.value.withdrawnBy).toBe('a');
  });

  it('[OnlineFundraising15] ofPetition reads one petition; ofPerson finds a person on every petition', async () => {
    await sign('by', 'form-8:1', { personId: 'lone' });
    await sign('land', 'form-9:1', { personId: 'lone' });
    await sign('land', 'form-9:2', { personId: 'mads' });
    expect((await signatures.ofPetition('land')).map((s) => s.personId).sort()).toEqual(['lone', 'mads']);
    expect((await signatures.ofPerson('lone')).map((s) => s.petitionId).sort()).toEqual(['by', 'land']);
    expect(await signatures.get('by', 'no-such-signature')).toBeNull();
  });
});

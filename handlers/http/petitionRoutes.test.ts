import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosmosSignatureStore } from '../../adapters/cosmos/CosmosSignatureStore.js';
import { createCosmosClient } from '../../adapters/cosmos/cosmosClient.js';
import { uuidIds } from '../../adapters/system/UuidIds.js';
import type { LogFields, Logger } from '../../domain/shared/Logger.js';
import { type SignatureInput, recordSignature } from '../../domain/signatures/recordSignature.js';
import { type RunningCosmos, startCosmos } from '../../local/standins/cosmos.js';
import { mapErrors } from './mapErrors.js';
import { type SignatureView, petitionRoutes } from './petitionRoutes.js';
import { actorReference } from '../../domain/shared/Actor.js';
import { colleague, signedInAs } from '../../test/support/signedInAs.js';

const lise = colleague('Lise', '66666666-0000-4000-8000-00000000115e');

let cosmos: RunningCosmos;
let app: Hono;
let signatures: CosmosSignatureStore;
const clock = { now: () => new Date('2026-05-04T10:00:00.000Z') };
const logged: { message: string; fields?: LogFields }[] = [];
const logger: Logger = { info: (message, fields) => logged.push({ message, ...(fields && { fields }) }), warn: () => {}, error: () => {} };

beforeAll(async () => {
  cosmos = await startCosmos();
  const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, database: 'test' });
  const { database } = await client.databases.createIfNotExists({ id: 'test' });
  const { container } = await database.containers.createIfNotExists({ id: 'signatures', partitionKey: { paths: ['/petitionId'] } });
  signatures = new CosmosSignatureStore(container);
  // The engine's app maps domain errors to statuses for every route (handlers/http/mapErrors.ts).
  app = new Hono().onError(mapErrors(logger)).use('*', signedInAs(() => lise)).route('/admin/petitions', petitionRoutes({ signatures, clock, logger }));
});
afterAll(() => cosmos.close());

const send = (method: string, path: string, body?: unknown) =>
  app.request(`/admin/petitions${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
const counts = async (petitionId: string) => (await send('GET', `/${petitionId}/counts`)).json();
const list = async (petitionId: string) => ((await (await send('GET', `/${petitionId}/signatures`)).json()) as { signatures: SignatureView[] }).signatures;
const withdraw = (petitionId: string, signatureId: string, body: unknown = {}) => send('POST', `/${petitionId}/signatures/${signatureId}/withdraw`, body);
const sign = async (petitionId: string, sourceId: string, fields: Partial<SignatureInput>) =>
  (await recordSignature({ petitionId, personId: 'p-?', sourceKind: 'drupal-form', sourceId, signedAt: new Date('2026-05-01T09:00:00.000Z'), newLead: false, ...fields }, { signatures, ids: uuidIds, clock })).signature;

describe('petition routes', () => {
  it('[OnlineFundraising15] GET counts gives all, de-duplicated and new leads; a withdrawal through POST lowers them', async () => {
    await sign('klima', 'form-1:1', { personId: 'anna', email: 'anna@example.dk', phone: '22334455', newLead: true });
    const duplicate = await sign('klima', 'sms-1', { personId: 'anna', sourceKind: 'sms-keyword', phone: '+45 22 33 44 55' });
    const bo = await sign('klima', 'row-1', { personId: 'bo', sourceKind: 'playable-import', email: 'bo@example.dk', newLead: true });
    expect(await counts('klima')).toEqual({ petitionId: 'klima', all: 3, deduplicated: 2, newLeads: 2, withdrawn: 0 });

    expect((await withdraw('klima', duplicate.id, { withdrawnBy: 'anna by phone' })).status).toBe(200);
    expect(await counts('klima')).toEqual({ petitionId: 'klima', all: 2, deduplicated: 2, newLeads: 2, withdrawn: 1 });
    await withdraw('klima', bo.id, { withdrawnBy: 'lise' });
    expect(await counts('klima')).toEqual({ petitionId: 'klima', all: 1, deduplicated: 1, newLeads: 1, withdrawn: 2 });
  });

  it('[Leadflow] GET signatures lists newest first with email_OK/phone_OK, source and campaign, and no contact keys', async () => {
    await sign('skov', 'form-2:1', { personId: 'carl', email: 'carl@example', phone: '22334455', signedAt: new Date('2026-05-01T08:00:00.000Z') });
    await sign('skov', 'sms-2', { personId: 'dorte', sourceKind: 'sms-keyword', phone: '1234', campaignCode: 'SKOV-2026', signedAt: new Date('2026-05-02T08:00:00.000Z') });
    const listed = await list('skov');
    expect(listed).toEqual([
      expect.objectContaining({ personId: 'dorte', emailOk: false, phoneOk: false, source: { kind: 'sms-keyword', id: 'sms-2' }, campaignCode: 'SKOV-2026', signedAt: '2026-05-02T08:00:00.000Z' }),
      expect.objectContaining({ personId: 'carl', emailOk: false, phoneOk: true, source: { kind: 'drupal-form', id: 'form-2:1' }, newLead: false }),
    ]);
    expect(listed.every((signature) => !('contactKeys' in signature))).toBe(true);
    expect(await list('nobody-signed')).toEqual([]);
    expect(await counts('nobody-signed')).toEqual({ petitionId: 'nobody-signed', all: 0, deduplicated: 0, newLeads: 0, withdrawn: 0 });
  });

  it('[OnlineFundraising15] withdraw answers 200 with the signature; again, 200 and the first withdrawal stands', async () => {
    const signature = await sign('hav', 'form-3:1', { personId: 'erik', email: 'erik@example.dk' });
    const first = await withdraw('hav', signature.id, { withdrawnBy: ' erik by email ' });
    expect(first.status).toBe(200);
    const withdrawn = (await first.json()) as SignatureView;
    expect(withdrawn).toMatchObject({ id: signature.id, personId: 'erik', emailOk: true, withdrawnAt: '2026-05-04T10:00:00.000Z', withdrawnBy: actorReference(lise.actor) });
    expect(logged.at(-1)).toEqual({ message: 'signature withdrawn', fields: { outcome: 'withdrawn', petitionId: 'hav', signatureId: signature.id, personId: 'erik' } });
    const again = await withdraw('hav', signature.id, { withdrawnBy: 'lise' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(withdrawn);
    expect((await list('hav'))[0]).toEqual(withdrawn);
  });

  it('[OnlineFundraising15] withdrawing a signature the petition does not have answers 404', async () => {
    const signature = await sign('vand', 'form-4:1', { personId: 'frida' });
    const unknown = await withdraw('vand', '00000000-0000-4000-8000-000000000404', { withdrawnBy: 'lise' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'not_found' });
    expect((await withdraw('other-petition', signature.id, { withdrawnBy: 'lise' })).status).toBe(404);
  });

  it('[Brugerrettigheder] the withdrawal is recorded as the signed-in colleague\'s, whatever the body claims', async () => {
    const signature = await sign('jord', 'form-5:1', { personId: 'gitte' });
    const withdrawn = (await (await withdraw('jord', signature.id, { withdrawnBy: 'somebody else' })).json()) as SignatureView;
    expect(withdrawn.withdrawnBy).toBe('Lise <66666666-0000-4000-8000-00000000115e>');
    expect(await counts('jord')).toMatchObject({ all: 0, withdrawn: 1 });
  });
});

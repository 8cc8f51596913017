import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Container } from '@azure/cosmos';
import { createCosmosClient } from '../../adapters/cosmos/cosmosClient.js';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import { uuidIds } from '../../adapters/system/UuidIds.js';
import type { MirrorRecord } from '../../domain/mirror/MirrorRecord.js';
import type { MirroredEntity } from '../../domain/mirror/OnlineFundraisingRecords.js';
import { mirrorIdFor } from '../../domain/mirror/mirrorIds.js';
import type { OnlineFundraisingEntity } from '../../domain/onlinefundraising/OnlineFundraisingNotification.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { personIdOf, startTestStack } from '../support/testStack.js';

let stack: LocalStack;
let mirror: Container;

beforeAll(async () => {
  // The storm test scales Dataverse's window down to 1 s; the writer's pacing knows the same window.
  stack = await startTestStack({ dataversePacing: { windowMs: 1_000, reserve: 1, marginMs: 100, maxPauseMs: 1_000 } });
  mirror = createCosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, database: 'ms-engine' }).database('ms-engine').container(cosmosContainers.mirror.id);
});
afterAll(() => stack.stop());

const of = () => stack.onlineFundraising;
const idOf = (entity: MirroredEntity, ofId: string) => mirrorIdFor(uuidIds, entity, ofId);
const stored = async (entity: MirroredEntity, ofId: string) => (await mirror.item(idOf(entity, ofId), idOf(entity, ofId)).read<MirrorRecord>()).resource;
const runProjector = () => stack.engine.timerFunctions.find((fn) => fn.name === 'crmProjector')!.handle();
const batches = () => stack.dataverse.requests().filter((request) => request.method === 'POST' && request.path.endsWith('/$batch')).length;
const writesTo = (path: string) =>
  stack.dataverse.batchOperations().filter((operation) => operation.method === 'PATCH' && operation.path.endsWith(path)).length;

async function notifyAndWait(entity: OnlineFundraisingEntity, ofId: string, check: (record: MirrorRecord | undefined) => void = (record) => expect(record).toBeDefined()) {
  await of().sendWebhook({ entity, entityId: ofId, event: 'updated' });
  if (entity !== 'contact') await eventually(async () => check(await stored(entity as MirroredEntity, ofId)));
}

describe('[OnlineFundraising2] the CRM projection of the mirror', () => {
  it('[OnlineFundraising2] a payment reaches Dataverse with its amount in DKK and lookups to person, agreement, subscription and payment method', async () => {
    of().put('contact', 'p-c', { first_name: 'Ida', last_name: 'Krog' });
    of().put('agreement', 'p-a', { contact_id: 'p-c', type: 'membership', contribution_code: 'MEDLEM2026' });
    of().put('subscription', 'p-s', { agreement_id: 'p-a', amount: 29_000, interval: 'yearly' });
    of().put('payment_method', 'p-pm', { contact_id: 'p-c', agreement_id: 'p-a', type: 'betalingsservice', status: 'active' });
    of().put('payment', 'p-p', { contact_id: 'p-c', agreement_id: 'p-a', subscription_id: 'p-s', payment_method_id: 'p-pm', amount: 29_000, status: 'confirmed', paid_date: '2026-12-01' });
    await notifyAndWait('contact', 'p-c');
    await eventually(() => expect(stack.dataverse.row('contacts', personIdOf('p-c'))).toBeDefined());
    for (const [entity, ofId] of [['agreement', 'p-a'], ['subscription', 'p-s'], ['payment_method', 'p-pm'], ['payment', 'p-p']] as const) await notifyAndWait(entity, ofId);
    await runProjector();
    const row = stack.dataverse.row('msengine_payments', idOf('payment', 'p-p'));
    expect(row).toMatchObject({ msengine_ofid: 'p-p', msengine_amount: 290, msengine_status: 'confirmed', msengine_paiddate: '2026-12-01' });
    expect(row).toMatchObject({
      _msengine_contactid_value: personIdOf('p-c'),
      _msengine_agreementid_value: idOf('agreement', 'p-a'),
      _msengine_subscriptionid_value: idOf('subscription', 'p-s'),
      _msengine_paymentmethodid_value: idOf('payment_method', 'p-pm'),
    });
    expect((await stored('payment', 'p-p'))?.crm).toMatchObject({ pending: false });
  });

  it('[OnlineFundraising2] five changes to one payment between two projector runs become one CRM write; nothing changed means no request', async () => {
    of().put('payment', 'p-p2', { contact_id: 'p-c', agreement_id: 'p-a', amount: 29_000, status: 'pending' });
    await notifyAndWait('payment', 'p-p2');
    await runProjector();
    const path = `msengine_payments(${idOf('payment', 'p-p2')})`;
    const writesBefore = writesTo(path);
    for (const status of ['confirmed', 'refunded', 'confirmed', 'failed', 'confirmed'] as const) {
      of().put('payment', 'p-p2', { status, status_reason: `changed to ${status}` });
      await notifyAndWait('payment', 'p-p2', (record) => expect(record?.record).toMatchObject({ status, statusReason: `changed to ${status}` }));
    }
    await runProjector();
    expect(writesTo(path) - writesBefore).toBe(1);
    expect(stack.dataverse.row('msengine_payments', idOf('payment', 'p-p2'))).toMatchObject({ msengine_status: 'confirmed', msengine_statusreason: 'changed to confirmed' });

    const batchesBefore = batches();
    await runProjector();
    expect(batches()).toBe(batchesBefore);
  });

  it('[OnlineFundraising2] a record marked pending whose CRM columns did not change is skipped without a request', async () => {
    const id = idOf('payment', 'p-p');
    const { resource, etag } = await mirror.item(id, id).read<MirrorRecord>();
    await mirror.item(id, id).replace({ ...resource!, crm: { ...resource!.crm!, pending: true, pendingSince: stack.clock.now().toISOString() } }, { accessCondition: { type: 'IfMatch', condition: etag! } });
    const batchesBefore = batches();
    await runProjector();
    expect(batches()).toBe(batchesBefore);
    expect((await stored('payment', 'p-p'))?.crm?.pending).toBe(false);
  });

  it('[NFR-Throttle] under a 429 storm (Dataverse allows 2 requests a second) the projector loses nothing: every payment reaches the CRM once', async () => {
    const ids = Array.from({ length: 150 }, (_, index) => `storm-${index}`);
    for (const id of ids) of().put('payment', id, { contact_id: 'p-c', amount: 5_000, status: 'confirmed' });
    await Promise.all(ids.map((id) => of().sendWebhook({ entity: 'payment', entityId: id, event: 'created' })));
    await eventually(async () => expect(await stored('payment', 'storm-149')).toBeDefined());
    await eventually(async () => {
      const { resources } = await mirror.items.query<number>("SELECT VALUE COUNT(1) FROM c WHERE STARTSWITH(c.ofId, 'storm-')").fetchAll();
      expect(resources[0]).toBe(150);
    });
    stack.dataverse.setThrottle({ maxRequests: 2, windowMs: 1_000 });
    stack.dataverse.injectFault({ method: 'POST', path: '/api/data/v9.2/$batch', status: 429, retryAfterSeconds: 1, times: 2 });
    try {
      await runProjector();
    } finally {
      stack.dataverse.setThrottle({ maxRequests: 6_000, windowMs: 300_000 });
    }
    const rows = stack.dataverse.rows('msengine_payments').filter((row) => String(row.msengine_ofid).startsWith('storm-'));
    expect(rows).toHaveLength(150);
    expect(new Set(rows.map((row) => row.msengine_ofid)).size).toBe(150);
    const { resources } = await mirror.items.query<number>("SELECT VALUE COUNT(1) FROM c WHERE STARTSWITH(c.ofId, 'storm-') AND c.crm.pending = true").fetchAll();
    expect(resources[0]).toBe(0);
  });
});

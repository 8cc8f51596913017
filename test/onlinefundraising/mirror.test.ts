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
  stack = await startTestStack();
  const cosmos = createCosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, database: 'ms-engine' });
  mirror = cosmos.database('ms-engine').container(cosmosContainers.mirror.id);
});
afterAll(() => stack.stop());

const of = () => stack.onlineFundraising;
const idOf = (entity: MirroredEntity, ofId: string) => mirrorIdFor(uuidIds, entity, ofId);
const notify = (entity: OnlineFundraisingEntity, entityId: string, event: 'created' | 'updated' = 'created') =>
  of().sendWebhook({ entity, entityId, event });
const stored = async (entity: MirroredEntity, ofId: string) => {
  const id = idOf(entity, ofId);
  return (await mirror.item(id, id).read<MirrorRecord>()).resource;
};
const mirrored = (entity: MirroredEntity, ofId: string, check: (record: MirrorRecord) => void = () => {}) =>
  eventually(async () => {
    const record = await stored(entity, ofId);
    if (!record) throw new Error(`${entity} ${ofId} not mirrored yet`);
    check(record);
    return record;
  });

/** A member with a monthly Betalingsservice membership, its method, one payment and an add-on. */
function seedMembership(prefix: string) {
  of().put('contact', `${prefix}-c`, { first_name: 'Jens', last_name: 'Holm', email: `${prefix}@example.dk`, contribution_code: 'MEDLEM2026' });
  of().put('agreement', `${prefix}-a`, { contact_id: `${prefix}-c`, type: 'membership', status: 'active', contribution_code: 'MEDLEM2026', purpose: 'Medlemskab', restricted: false });
  of().put('subscription', `${prefix}-s`, { agreement_id: `${prefix}-a`, amount: 29_000, interval: 'yearly', status: 'active' });
  of().put('payment_method', `${prefix}-pm`, { contact_id: `${prefix}-c`, agreement_id: `${prefix}-a`, type: 'betalingsservice', status: 'active' });
  of().put('payment', `${prefix}-p`, {
    contact_id: `${prefix}-c`,
    agreement_id: `${prefix}-a`,
    subscription_id: `${prefix}-s`,
    payment_method_id: `${prefix}-pm`,
    amount: 29_000,
    status: 'pending',
    channel: 'betalingsservice',
    due_date: '2026-12-01',
    contribution_code: 'MEDLEM2026',
    purpose: 'Medlemskab',
  });
  of().put('add_on', `${prefix}-ao`, { agreement_id: `${prefix}-a`, subscription_id: `${prefix}-s`, name: 'Ekstra støtte', amount: 5_000 });
  of().put('data_set', `${prefix}-ds`, { type: 'sms_inbound', contact_id: `${prefix}-c`, phone: '+4522334455', keyword: 'MEDLEM', text: 'MEDLEM Jens Holm' });
}

describe('[OnlineFundraising2] the OF mirror', () => {
  it('[OnlineFundraising1][OnlineFundraising2] every OF entity is mirrored on notification, with its relations to person, agreement, subscription and payment method', async () => {
    seedMembership('m1');
    await notify('contact', 'm1-c');
    for (const [entity, ofId] of [['agreement', 'm1-a'], ['subscription', 'm1-s'], ['payment_method', 'm1-pm'], ['payment', 'm1-p'], ['add_on', 'm1-ao'], ['data_set', 'm1-ds']] as const) {
      await notify(entity, ofId);
      await mirrored(entity, ofId);
    }
    const personId = personIdOf('m1-c');
    const payment = await mirrored('payment', 'm1-p', (record) => expect(record.waitingFor).toEqual([]));
    expect(payment.personId).toBe(personId);
    expect(payment.parents).toEqual([
      { entity: 'person', id: personId },
      { entity: 'agreement', id: idOf('agreement', 'm1-a') },
      { entity: 'subscription', id: idOf('subscription', 'm1-s') },
      { entity: 'payment_method', id: idOf('payment_method', 'm1-pm') },
    ]);
    expect(payment.record).toMatchObject({ amountOre: 29_000, status: 'pending', channel: 'betalingsservice', dueDate: '2026-12-01', campaignCode: 'MEDLEM2026' });
    expect((await stored('agreement', 'm1-a'))?.record).toMatchObject({ kind: 'membership', status: 'active', campaignCode: 'MEDLEM2026', restricted: false });
    expect((await stored('subscription', 'm1-s'))?.record).toMatchObject({ amountOre: 29_000, frequency: 'yearly', status: 'active' });
    expect((await stored('add_on', 'm1-ao'))?.parents.map((parent) => parent.entity)).toEqual(['agreement', 'subscription']);
    expect((await stored('data_set', 'm1-ds'))?.record).toMatchObject({ kind: 'sms_inbound', keyword: 'MEDLEM' });
  });

  it('[OnlineFundraising2] a payment that arrives before its person, agreement and subscription is kept, and linked as each parent arrives', async () => {
    seedMembership('m2');
    await notify('payment', 'm2-p');
    const early = await mirrored('payment', 'm2-p');
    expect(early.waitingFor).toHaveLength(4);
    await notify('subscription', 'm2-s');
    await notify('agreement', 'm2-a');
    await mirrored('payment', 'm2-p', (record) => expect(record.waitingFor).toEqual([personIdOf('m2-c'), idOf('payment_method', 'm2-pm')]));
    await notify('payment_method', 'm2-pm');
    await notify('contact', 'm2-c');
    await mirrored('payment', 'm2-p', (record) => expect(record.waitingFor).toEqual([]));
    await mirrored('subscription', 'm2-s', (record) => expect(record.waitingFor).toEqual([]));
    await mirrored('agreement', 'm2-a', (record) => expect(record.waitingFor).toEqual([]));
  });

  it('[OnlineFundraising2] duplicate and late notifications leave one record with the newest state: pending → confirmed', async () => {
    seedMembership('m3');
    await Promise.all([notify('payment', 'm3-p'), notify('payment', 'm3-p'), notify('payment', 'm3-p')]);
    await mirrored('payment', 'm3-p');
    of().put('payment', 'm3-p', { status: 'confirmed', paid_date: '2026-12-01' });
    await Promise.all([notify('payment', 'm3-p', 'updated'), notify('payment', 'm3-p', 'created')]);
    await mirrored('payment', 'm3-p', (record) => expect(record.record).toMatchObject({ status: 'confirmed', paidDate: '2026-12-01' }));
    const { resources } = await mirror.items
      .query({ query: 'SELECT VALUE COUNT(1) FROM c WHERE c.ofId = @ofId AND c.entity = @entity', parameters: [{ name: '@ofId', value: 'm3-p' }, { name: '@entity', value: 'payment' }] })
      .fetchAll();
    expect(resources).toEqual([1]);
  });

  it('[OnlineFundraising3] a payment method rejected by the bank keeps its status and the reason', async () => {
    seedMembership('m4');
    of().put('payment_method', 'm4-pm', { status: 'rejected', status_reason: 'BS 0237: aftale afvist af pengeinstitut' });
    await notify('payment_method', 'm4-pm', 'updated');
    await mirrored('payment_method', 'm4-pm', (record) =>
      expect(record.record).toMatchObject({ type: 'betalingsservice', status: 'rejected', statusReason: 'BS 0237: aftale afvist af pengeinstitut' }),
    );
  });

  it('[OnlineFundraising3] a subscription cancelled by the bank keeps the reason and who cancelled', async () => {
    seedMembership('m5');
    of().put('subscription', 'm5-s', { status: 'cancelled', cancellation_reason: 'Konto lukket', cancelled_by: 'bank' });
    await notify('subscription', 'm5-s', 'updated');
    await mirrored('subscription', 'm5-s', (record) =>
      expect(record.record).toMatchObject({ status: 'cancelled', cancellation: { reason: 'Konto lukket', by: 'bank' } }),
    );
  });

  it('[OnlineFundraising10] a non-restricted gift from the shared petition form keeps its campaign; a restricted gift keeps its purpose', async () => {
    of().put('contact', 'g-c', { first_name: 'Sara', last_name: 'Lund' });
    of().put('agreement', 'g-open', { contact_id: 'g-c', type: 'one_off_donation', contribution_code: 'PETITION-KLIMA', purpose: null, restricted: false });
    of().put('payment', 'g-open-p', { contact_id: 'g-c', agreement_id: 'g-open', amount: 20_000, status: 'confirmed', channel: 'mobilepay', contribution_code: 'PETITION-KLIMA' });
    of().put('agreement', 'g-restricted', { contact_id: 'g-c', type: 'one_off_donation', contribution_code: 'NOEDHJAELP', purpose: 'Nødhjælp Gaza', restricted: true });
    of().put('payment', 'g-restricted-p', { contact_id: 'g-c', agreement_id: 'g-restricted', amount: 50_000, status: 'confirmed', channel: 'card', contribution_code: 'NOEDHJAELP', purpose: 'Nødhjælp Gaza' });
    for (const [entity, ofId] of [['agreement', 'g-open'], ['payment', 'g-open-p'], ['agreement', 'g-restricted'], ['payment', 'g-restricted-p']] as const) await notify(entity, ofId);
    await mirrored('payment', 'g-open-p', (record) => expect(record.record).toMatchObject({ campaignCode: 'PETITION-KLIMA', channel: 'mobilepay' }));
    expect((await mirrored('agreement', 'g-open')).record).toMatchObject({ kind: 'one_off', restricted: false, campaignCode: 'PETITION-KLIMA' });
    await mirrored('payment', 'g-restricted-p', (record) => expect(record.record).toMatchObject({ purpose: 'Nødhjælp Gaza', campaignCode: 'NOEDHJAELP' }));
    expect((await mirrored('agreement', 'g-restricted')).record).toMatchObject({ restricted: true, purpose: 'Nødhjælp Gaza' });
  });

  it('[Rapportering2] a person is told apart as member, member with regular support, regular supporter only, in the engine and in the CRM', async () => {
    const kindInCrm = (expected: string) =>
      eventually(async () => expect(stack.dataverse.row('contacts', personIdOf('k-c'))?.msengine_supporterkind).toBe(expected));
    of().put('contact', 'k-c', { first_name: 'Lone', last_name: 'Dahl' });
    of().put('agreement', 'k-member', { contact_id: 'k-c', type: 'membership', status: 'active', restricted: false });
    // The agreement arrives before its person; the kind is derived when the person arrives.
    await notify('agreement', 'k-member');
    await mirrored('agreement', 'k-member');
    await notify('contact', 'k-c');
    await kindInCrm('member');

    of().put('agreement', 'k-regular', { contact_id: 'k-c', type: 'recurring_donation', status: 'active', restricted: false });
    await notify('agreement', 'k-regular');
    await kindInCrm('member_with_regular_support');

    of().put('agreement', 'k-member', { status: 'cancelled' });
    await notify('agreement', 'k-member', 'updated');
    await kindInCrm('regular_supporter');
  });

  it('[Rapportering2] a one-off gift alone makes a one-off donor', async () => {
    of().put('contact', 'o-c', { first_name: 'Ib', last_name: 'Krog' });
    of().put('agreement', 'o-gift', { contact_id: 'o-c', type: 'one_off_donation', status: 'active', restricted: false });
    await notify('contact', 'o-c');
    await eventually(async () => expect(stack.dataverse.row('contacts', personIdOf('o-c'))).toBeDefined());
    await notify('agreement', 'o-gift');
    await eventually(async () => expect(stack.dataverse.row('contacts', personIdOf('o-c'))?.msengine_supporterkind).toBe('one_off_donor'));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerPayment } from '../../domain/bookkeeping/LedgerPayment.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { colleagueReference, personIdOf, queueDrained, startTestStack } from '../support/testStack.js';
import { bookkeepingApi } from './bookkeepingApi.js';

let stack: LocalStack;
let api: ReturnType<typeof bookkeepingApi>;

beforeAll(async () => {
  stack = await startTestStack();
  api = bookkeepingApi(stack);
  await api.saveChart();
});
afterAll(() => stack.stop());

const of = () => stack.onlineFundraising;
const notify = (entity: 'contact' | 'agreement' | 'payment', entityId: string) => of().sendWebhook({ entity, entityId, event: 'updated' });

/** A one-off donor in OF with one card payment of 500 kr. */
async function donorWithPayment(prefix: string, status: 'confirmed' | 'refunded') {
  of().put('contact', `${prefix}-c`, { first_name: 'Ida', last_name: 'Berg', email: `${prefix}@example.dk` });
  of().put('agreement', `${prefix}-a`, { contact_id: `${prefix}-c`, type: 'one_off_donation', status: 'active', contribution_code: 'DON_WEB_RF_GAZA', restricted: true });
  of().put('payment', `${prefix}-p`, { contact_id: `${prefix}-c`, agreement_id: `${prefix}-a`, amount: 50_000, status, channel: 'card', paid_date: '2026-11-10', contribution_code: 'DON_WEB_RF_GAZA', purpose: 'Nødhjælp Gaza' });
  await notify('contact', `${prefix}-c`);
  await notify('agreement', `${prefix}-a`);
}

async function settledPayments(prefix: string, count: number): Promise<LedgerPayment[]> {
  await queueDrained(stack, 'of-notifications');
  return eventually(async () => {
    const payments = await api.paymentsOf(`${prefix}-c`);
    expect(payments).toHaveLength(count);
    return payments;
  });
}

describe('[OnlineFundraising4] refunds', () => {
  it('[OnlineFundraising4][Refundering] a refund in OF makes one negative payment linked to the original, however often and in whatever order OF tells', async () => {
    await donorWithPayment('rf1', 'confirmed');
    await notify('payment', 'rf1-p');
    await settledPayments('rf1', 1);

    of().put('payment', 'rf1-p', { status: 'refunded', status_reason: 'Refunderet efter aftale med giver' });
    await Promise.all([...Array.from({ length: 5 }, () => notify('payment', 'rf1-p'))]);
    const payments = await settledPayments('rf1', 2);

    const original = payments.find((payment) => payment.amountOre > 0)!;
    const refund = payments.find((payment) => payment.amountOre < 0)!;
    expect(refund).toMatchObject({ source: 'refund', amountOre: -50_000, refundOf: original.id, campaignCode: 'DON_WEB_RF_GAZA', purpose: 'Nødhjælp Gaza', channel: 'card', posting: { state: 'to_post' } });
    expect(refund.refund).toMatchObject({ via: 'onlinefundraising', reason: 'Refunderet efter aftale med giver' });
    expect(original.refundedBy).toBe(refund.id);
    expect(await api.giftTotal('rf1-c')).toBe(0);
  });

  it('[OnlineFundraising4] a payment first seen already refunded, told about concurrently and again later, is recorded and refunded once', async () => {
    await donorWithPayment('rf2', 'refunded');
    await Promise.all(Array.from({ length: 4 }, () => notify('payment', 'rf2-p')));
    await notify('payment', 'rf2-p');
    const payments = await settledPayments('rf2', 2);
    expect(payments.map((payment) => payment.amountOre).sort((a, b) => a - b)).toEqual([-50_000, 50_000]);
    // Told again much later: still exactly the two.
    await notify('payment', 'rf2-p');
    await settledPayments('rf2', 2);
  });

  it('[OnlineFundraising4][Refundering] staff record a refund made outside OF, with reason and who did it; it counts in the tax total, and a second refund is refused', async () => {
    await donorWithPayment('rf3', 'confirmed');
    await notify('payment', 'rf3-p');
    const [original] = await settledPayments('rf3', 1);
    expect(await api.giftTotal('rf3-c')).toBe(50_000);

    const refunded = await api.call('POST', `/admin/payments/${original!.id}/refund`, { reason: 'Givet ved en fejl', refundedBy: 'medlemsservice@ms.dk', amountOre: 20_000, date: '2026-11-12' });
    expect(refunded.status, refunded.text).toBe(201);
    expect(refunded.json()).toMatchObject({ amountOre: -20_000, refundOf: original!.id, paymentDate: '2026-11-12', refund: { via: 'staff', reason: 'Givet ved en fejl', by: colleagueReference('Administrator') }, posting: { state: 'to_post' } });
    expect(await api.giftTotal('rf3-c')).toBe(30_000);

    const again = await api.call('POST', `/admin/payments/${original!.id}/refund`, { reason: 'Igen', refundedBy: 'medlemsservice@ms.dk' });
    expect(again.status).toBe(409);
    expect(again.json().error).toBe('already_refunded');

    // OF refunding the same payment later adds no second refund.
    of().put('payment', 'rf3-p', { status: 'refunded' });
    await notify('payment', 'rf3-p');
    await settledPayments('rf3', 2);
  });

  it('[Refundering][Skatteindberetning] a refund made the year after is subtracted from the gift\'s year, not its own', async () => {
    await donorWithPayment('rf7', 'confirmed');
    await notify('payment', 'rf7-p');
    const [original] = await settledPayments('rf7', 1);
    const refunded = await api.call('POST', `/admin/payments/${original!.id}/refund`, { reason: 'Fortrudt i januar', refundedBy: 'bogholderi@ms.dk', amountOre: 10_000, date: '2027-01-15' });
    expect(refunded.status, refunded.text).toBe(201);
    expect(await api.giftTotal('rf7-c', 2026)).toBe(40_000);
    expect(await api.giftTotal('rf7-c', 2027)).toBe(0);
  });

  it('[OnlineFundraising13][Refundering] when two persons are merged, the merged person\'s payments count in the survivor\'s tax total', async () => {
    await donorWithPayment('rf5', 'confirmed');
    await notify('payment', 'rf5-p');
    await donorWithPayment('rf6', 'confirmed');
    await notify('payment', 'rf6-p');
    await settledPayments('rf5', 1);
    await settledPayments('rf6', 1);
    const merged = await api.call('POST', `/admin/persons/${personIdOf('rf5-c')}/merge`, { mergedPersonId: personIdOf('rf6-c'), requestedBy: 'medlemsservice@ms.dk' });
    expect(merged.status).toBe(202);
    await eventually(async () => expect(await api.giftTotal('rf5-c')).toBe(100_000));
    expect(await api.giftTotal('rf6-c')).toBe(0);
  });

  it('[Refundering] a refund that is bigger than the payment, has no reason, or names no payment is refused and changes nothing', async () => {
    await donorWithPayment('rf4', 'confirmed');
    await notify('payment', 'rf4-p');
    const [original] = await settledPayments('rf4', 1);
    const tooLarge = await api.call('POST', `/admin/payments/${original!.id}/refund`, { reason: 'x', refundedBy: 'a@ms.dk', amountOre: 60_000 });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.json()).toMatchObject({ error: 'refund_too_large', fields: [{ field: 'amountOre' }] });
    const noReason = await api.call('POST', `/admin/payments/${original!.id}/refund`, { refundedBy: 'a@ms.dk' });
    expect(noReason.status).toBe(400);
    expect(noReason.json().fields).toEqual([{ field: 'reason', problem: expect.any(String) }]);
    expect((await api.call('POST', '/admin/payments/00000000-0000-4000-8000-000000000404/refund', { reason: 'x', refundedBy: 'a@ms.dk' })).status).toBe(404);
    await settledPayments('rf4', 1);
  });
});

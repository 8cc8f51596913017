import { describe, expect, it } from 'vitest';
import type { Frequency } from '../mirror/OnlineFundraisingRecords.js';
import type { AgreementPaymentState, CollectionOutcome } from './AgreementPaymentState.js';
import { classifyAgreement } from './classifyAgreement.js';
import { collectionDate } from './collections.js';
import { withAllCollections } from './collectionOutcomes.js';
import { defaultDunningSettings } from './DunningSettings.js';

const settings = { ...defaultDunningSettings, updatedAt: '2026-01-01T00:00:00Z' };
const today = '2026-11-24';

/** An active recurring agreement with payments for the numbered collections, each with an outcome. */
function agreement(frequency: Frequency, startDate: string, outcomes: Record<number, CollectionOutcome>, extra: Partial<AgreementPaymentState> = {}): AgreementPaymentState {
  const payments = Object.fromEntries(Object.entries(outcomes).map(([index, outcome]) => [`p${index}`, { dueDate: collectionDate(startDate, frequency, Number(index)), outcome }]));
  const state: AgreementPaymentState = { id: 'a', agreementOfId: 'of-a', personId: 'person', kind: 'regular_support', status: 'active', subscriptionStatus: 'active', startDate, frequency, pauses: [], payments, collections: {}, updatedAt: '', ...extra };
  return withAllCollections(state);
}

const paidThrough = (last: number) => Object.fromEntries(Array.from({ length: last + 1 }, (_, index) => [index, 'paid' as const]));
const groupsOf = (state: AgreementPaymentState, on = today) => classifyAgreement(state, on, settings).map((reason) => reason.group);

describe('[CampaignAutomation6] reactivation groups', () => {
  it('[CampaignAutomation6] GROUP 2 monthly: two missed collections in a row are not enough, three are', () => {
    // Collections on the 10th; by 24 November (7 days' grace) January to November are due.
    expect(groupsOf(agreement('monthly', '2026-01-10', paidThrough(8)))).toEqual([]);
    const threeMissed = classifyAgreement(agreement('monthly', '2026-01-10', paidThrough(7)), today, settings);
    expect(threeMissed).toEqual([{ group: 'group-2', agreementId: 'of-a', rule: 'monthly, paid before, the last 3 collections missed', dates: { missed1: '2026-09-10', missed2: '2026-10-10', missed3: '2026-11-10' } }]);
  });

  it('[CampaignAutomation6] a collection within its grace days is not missed yet, and a pending payment is not missed', () => {
    expect(groupsOf(agreement('monthly', '2026-01-20', paidThrough(7)))).toEqual([]); // 20 November is within the grace
    expect(groupsOf(agreement('monthly', '2026-01-20', paidThrough(7)), '2026-11-27')).toEqual(['group-2']);
    expect(groupsOf(agreement('monthly', '2026-01-10', { ...paidThrough(7), 10: 'pending' }))).toEqual([]);
  });

  it('[CampaignAutomation6] a refunded payment does not count as paid', () => {
    expect(groupsOf(agreement('monthly', '2026-01-10', { ...paidThrough(8), 8: 'unpaid' }))).toEqual(['group-2']);
  });

  it('[CampaignAutomation6] a paused period expects nothing', () => {
    const paused = agreement('monthly', '2026-01-10', paidThrough(7), { pauses: [{ from: '2026-09-01', until: '2026-10-31' }] });
    expect(groupsOf(paused)).toEqual([]);
    const pausedThenStopped = agreement('monthly', '2026-01-10', paidThrough(5), { pauses: [{ from: '2026-07-01', until: '2026-07-31' }] });
    expect(classifyAgreement(pausedThenStopped, today, settings)[0]?.dates).toEqual({ missed1: '2026-09-10', missed2: '2026-10-10', missed3: '2026-11-10' });
    expect(groupsOf(agreement('monthly', '2026-01-10', paidThrough(5), { subscriptionStatus: 'paused' }))).toEqual([]);
  });

  it('[CampaignAutomation6] GROUP 2 quarterly, half-yearly and yearly: one collection unpaid after a paid one is enough', () => {
    expect(groupsOf(agreement('quarterly', '2026-01-10', paidThrough(2)))).toEqual(['group-2']); // October unpaid
    expect(groupsOf(agreement('quarterly', '2026-01-10', paidThrough(3)))).toEqual([]);
    expect(groupsOf(agreement('quarterly', '2026-01-10', paidThrough(2)), '2026-10-15')).toEqual([]); // October within its grace
    expect(groupsOf(agreement('half_yearly', '2025-11-10', paidThrough(1)))).toEqual(['group-2']); // November 2026 unpaid
    expect(groupsOf(agreement('yearly', '2025-11-10', paidThrough(0)))).toEqual(['group-2']);
    expect(groupsOf(agreement('yearly', '2025-11-20', paidThrough(0)))).toEqual([]);
  });

  it('[CampaignAutomation6] GROUP 1: never paid and started more than two months ago; at exactly two months not yet', () => {
    expect(groupsOf(agreement('monthly', '2026-09-24', {}))).toEqual([]);
    expect(classifyAgreement(agreement('monthly', '2026-09-23', { 0: 'unpaid', 1: 'unpaid' }), today, settings)).toEqual([
      { group: 'group-1', agreementId: 'of-a', rule: 'active, never paid, started more than 2 months ago', dates: { startDate: '2026-09-23' } },
    ]);
    expect(groupsOf(agreement('monthly', '2026-09-23', { 2: 'pending' }))).toEqual([]);
    expect(groupsOf(agreement('monthly', '2026-09-23', { 0: 'unpaid' }, { status: 'cancelled' }))).toEqual([]);
  });

  it('[CampaignAutomation6][OF-BS] GROUP 3: the Betalingsservice mandate cancelled by the bank, unless the agreement was cancelled via MS', () => {
    const bankStop = { bankMandateCancelled: { on: '2026-11-02', reason: 'Mandate cancelled by bank (Cancelled)' } };
    expect(classifyAgreement(agreement('monthly', '2026-01-10', paidThrough(10), bankStop), today, settings)).toEqual([
      { group: 'group-3', agreementId: 'of-a', rule: 'payment mandate cancelled by the bank, not cancelled via MS', dates: { mandateCancelled: '2026-11-02' } },
    ]);
    expect(groupsOf(agreement('monthly', '2026-01-10', paidThrough(10), { ...bankStop, cancelledViaMs: { on: '2026-11-01', by: 'ms@ms.dk', reason: 'ønske' } }))).toEqual([]);
    expect(groupsOf(agreement('monthly', '2026-01-10', paidThrough(10), { ...bankStop, status: 'cancelled', cancelledBy: 'ms' }))).toEqual([]);
  });

  it('[CampaignAutomation6] one-off gifts are in no group', () => {
    expect(groupsOf(agreement('monthly', '2026-01-10', {}, { kind: 'one_off' }))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { MirrorRecord } from '../mirror/MirrorRecord.js';
import type { OfSnapshot } from '../mirror/OnlineFundraisingRecords.js';
import { emptyAgreementState } from './AgreementPaymentState.js';
import { applyMirrorRecord } from './applyMirrorRecord.js';
import { classifyAgreement } from './classifyAgreement.js';
import { collectionDate } from './collections.js';
import { defaultDunningSettings } from './DunningSettings.js';

const settings = { ...defaultDunningSettings, updatedAt: '' };
const record = (snapshot: OfSnapshot, personId = 'person'): MirrorRecord => ({
  id: `m-${snapshot.record.id}`,
  entity: snapshot.entity,
  ofId: snapshot.record.id,
  ofUpdatedAt: snapshot.record.updatedAt,
  personId,
  parents: [],
  waitingFor: [],
  record: snapshot.record,
  createdAt: '',
  updatedAt: '',
});
const agreement = record({ entity: 'agreement', record: { id: 'a', updatedAt: '2024-01-10T09:00:00Z', contactId: 'c', kind: 'regular_support', status: 'active', restricted: false, startDate: '2024-01-10' } });
const subscription = (status: 'active' | 'paused', updatedAt: string, pausedUntil?: string) =>
  record({ entity: 'subscription', record: { id: 's', updatedAt, agreementId: 'a', amountOre: 10_000, frequency: 'monthly', status, ...(pausedUntil && { pausedUntil }) } });
const payment = (index: number, status: 'confirmed' | 'refunded' | 'pending') =>
  record({ entity: 'payment', record: { id: `p${index}`, updatedAt: '2026-11-01T09:00:00Z', contactId: 'c', agreementId: 'a', amountOre: 10_000, status, dueDate: collectionDate('2024-01-10', 'monthly', index), channel: 'betalingsservice' } });

const stateAfter = (records: MirrorRecord[]) => records.reduce(applyMirrorRecord, emptyAgreementState('m-a', 'a', ''));
const groups = (records: MirrorRecord[], today = '2026-11-24') => classifyAgreement(stateAfter(records), today, settings).map((reason) => [reason.group, reason.dates]);

describe('[CampaignAutomation6] the kept payment state', () => {
  // 2024-01-10 start: by 24 November 2026 collections 0…34 are due (the 10 November one included).
  const paidThrough31 = Array.from({ length: 32 }, (_, index) => payment(index, 'confirmed'));

  it('[CampaignAutomation6] records applied in any order, and twice, give the same state and groups', () => {
    const inOrder = [agreement, subscription('active', '2024-01-10T09:00:00Z'), ...paidThrough31];
    const shuffled = [...paidThrough31].reverse().concat([subscription('active', '2024-01-10T09:00:00Z'), agreement]);
    expect(groups(shuffled)).toEqual(groups(inOrder));
    expect(groups([...inOrder, ...inOrder])).toEqual(groups(inOrder));
    expect(groups(inOrder)).toEqual([['group-2', { missed1: '2026-09-10', missed2: '2026-10-10', missed3: '2026-11-10' }]]);
  });

  it('[CampaignAutomation6] a long history is kept to its latest 24 collections without changing the groups', () => {
    const state = stateAfter([agreement, subscription('active', '2024-01-10T09:00:00Z'), ...paidThrough31]);
    expect(Object.keys(state.collections)).toHaveLength(24);
    expect(Object.keys(state.payments)).toHaveLength(24);
    expect(state.paidBefore).toBe(7);
    // Paid long ago only: the dropped history still says "paid before", so GROUP 2, not GROUP 1.
    const paidLongAgo = [...Array.from({ length: 8 }, (_, index) => payment(index, 'confirmed')), ...Array.from({ length: 26 }, (_, index) => payment(index + 8, 'refunded'))];
    expect(groups([agreement, subscription('active', '2024-01-10T09:00:00Z'), ...paidLongAgo]).map(([group]) => group)).toEqual(['group-2']);
  });

  it('[CampaignAutomation6] a refund after a confirmation turns the collection unpaid again', () => {
    const paidThrough33 = Array.from({ length: 34 }, (_, index) => payment(index, 'confirmed'));
    const base = [agreement, subscription('active', '2024-01-10T09:00:00Z'), ...paidThrough33];
    expect(groups(base)).toEqual([]);
    expect(groups([...base, payment(33, 'refunded'), payment(32, 'refunded')])).toEqual([['group-2', { missed1: '2026-09-10', missed2: '2026-10-10', missed3: '2026-11-10' }]]);
  });

  it('[CampaignAutomation6] a pause seen in OF expects nothing until the subscription is active again', () => {
    const paused = [agreement, ...paidThrough31, subscription('paused', '2026-09-01T08:00:00Z', '2026-10-31')];
    expect(stateAfter(paused).pauses).toEqual([{ from: '2026-09-01', until: '2026-10-31' }]);
    expect(groups([...paused, subscription('active', '2026-11-01T08:00:00Z')])).toEqual([]);
    expect(stateAfter([...paused, subscription('active', '2026-11-01T08:00:00Z')]).pauses).toEqual([{ from: '2026-09-01', until: '2026-10-31' }]);
  });

  it('[CampaignAutomation6] a pause on the agreement itself (its subscription left active) suspends the collections as a subscription pause does', () => {
    const agreementIn = (status: 'active' | 'paused', updatedAt: string) => record({ entity: 'agreement', record: { id: 'a', updatedAt, contactId: 'c', kind: 'regular_support', status, restricted: false, startDate: '2024-01-10' } });
    const base = [agreement, subscription('active', '2024-01-10T09:00:00Z'), ...paidThrough31];
    const pausedAndBack = [...base, agreementIn('paused', '2026-09-01T08:00:00Z'), agreementIn('active', '2026-11-01T08:00:00Z')];
    expect(stateAfter(pausedAndBack).agreementPauses).toEqual([{ from: '2026-09-01', until: '2026-11-01' }]);
    // Without the pause the three missed months put it in GROUP 2; with it, only 10 November is expected.
    expect(groups(base).map(([group]) => group)).toEqual(['group-2']);
    expect(groups(pausedAndBack)).toEqual([]);
  });

  it('[CampaignAutomation6] a subscription cancelled by the bank counts for GROUP 3 as a payment method cancelled by the bank does', () => {
    const cancelledByBank = record({ entity: 'subscription', record: { id: 's', updatedAt: '2026-11-05T08:00:00Z', agreementId: 'a', amountOre: 10_000, frequency: 'monthly', status: 'cancelled', cancellation: { reason: 'Mandat ophørt', by: 'bank' } } });
    const cancelledByPerson = record({ entity: 'subscription', record: { id: 's', updatedAt: '2026-11-05T08:00:00Z', agreementId: 'a', amountOre: 10_000, frequency: 'monthly', status: 'cancelled', cancellation: { reason: 'Fortrudt', by: 'person' } } });
    const base = [agreement, subscription('active', '2024-01-10T09:00:00Z'), ...Array.from({ length: 34 }, (_, index) => payment(index, 'confirmed'))];
    expect(groups([...base, cancelledByBank])).toEqual([['group-3', { mandateCancelled: '2026-11-05' }]]);
    expect(groups([...base, cancelledByPerson])).toEqual([]);
  });
});

import type { AgreementPaymentState, CollectionOutcome } from '../../domain/dunning/AgreementPaymentState.js';
import { applyMirrorRecord } from '../../domain/dunning/applyMirrorRecord.js';
import { classificationDay, classifyAgreement } from '../../domain/dunning/classifyAgreement.js';
import { collectionDate, lastCollectionOnOrBefore } from '../../domain/dunning/collections.js';
import { addDays, addMonths } from '../../domain/shared/businessDates.js';
import { withAllCollections } from '../../domain/dunning/collectionOutcomes.js';
import { defaultDunningSettings } from '../../domain/dunning/DunningSettings.js';
import { WinbackTracker } from '../../domain/dunning/WinbackTracker.js';
import type { MirrorRecord } from '../../domain/mirror/MirrorRecord.js';
import type { Frequency, OfPayment } from '../../domain/mirror/OnlineFundraisingRecords.js';

const agreementCount = Number(process.env.BENCH_AGREEMENTS_DUNNING ?? 1_000_000);
const paymentsPerAgreement = 12;
const pageSize = 5_000;
const today = '2026-11-24';
const settings = { ...defaultDunningSettings, updatedAt: '2026-01-01T00:00:00Z' };
const frequencies: Frequency[] = ['monthly', 'monthly', 'monthly', 'quarterly', 'half_yearly', 'yearly'];

/**
 * [CampaignAutomation6] The daily run's classification over a million agreements with twelve
 * payments each, one core: the states are made a page at a time as the store hands them over,
 * and only the classification (groups and winback) is timed. Then the cost of keeping a state up
 * to date as one payment arrives, for a short and a long payment history.
 */
export function dunningGroups(): string[] {
  const day = classificationDay(today, settings);
  const winback = new WinbackTracker();
  const counts: Record<string, number> = { 'group-1': 0, 'group-2': 0, 'group-3': 0 };
  let classifyMs = 0;
  let peakHeap = 0;
  let peakRss = 0;
  const started = performance.now();
  for (let first = 0; first < agreementCount; first += pageSize) {
    const page = Array.from({ length: Math.min(pageSize, agreementCount - first) }, (_, offset) => stateFor(first + offset));
    const classifyStarted = performance.now();
    for (const state of page) {
      winback.add(state);
      for (const reason of classifyAgreement(state, day, settings)) counts[reason.group] = (counts[reason.group] ?? 0) + 1;
    }
    classifyMs += performance.now() - classifyStarted;
    const memory = process.memoryUsage();
    peakHeap = Math.max(peakHeap, memory.heapUsed);
    peakRss = Math.max(peakRss, memory.rss);
  }
  const winbackStarted = performance.now();
  const winbackCount = [...winback.members(today, settings)].length;
  classifyMs += performance.now() - winbackStarted;
  const totalMs = performance.now() - started;
  const [twelve, tenYears, twentyYears] = [12, 120, 240].map(medianUpdateCost) as [number, number, number];
  return [
    `dunning groups     ${agreementCount.toLocaleString('en')} agreements × ${paymentsPerAgreement} payments (classification, one core)`,
    `  classification   ${(classifyMs / 1000).toFixed(2)} s (target < 10 s), ${Math.round((agreementCount / classifyMs) * 1000).toLocaleString('en')} agreements/s`,
    `  with state reads ${(totalMs / 1000).toFixed(2)} s including making the test states`,
    `  groups           group-1 ${counts['group-1']}, group-2 ${counts['group-2']}, group-3 ${counts['group-3']}, winback ${winbackCount}`,
    `  memory peak      heap ${(peakHeap / 2 ** 20).toFixed(0)} MB, rss ${(peakRss / 2 ** 20).toFixed(0)} MB`,
    `per payment        ${twelve.toFixed(1)} µs with 12 monthly payments in the history, ${tenYears.toFixed(1)} µs with 120, ${twentyYears.toFixed(1)} µs with 240`,
    '                   (the state keeps the latest 24 collections); 1 point read + 1 conditional write in Cosmos either way',
  ];
}

/**
 * Agreement `index`, paid for its twelve latest expected collections: most healthy, 1 in 12 stopped
 * paying (its last 4 unpaid), 1 in 29 never paid, 1 in 53 stopped by the bank, 1 in 31 cancelled.
 */
function stateFor(index: number): AgreementPaymentState {
  const frequency = frequencies[index % frequencies.length]!;
  const neverPaid = index % 29 === 0;
  const monthsBack = neverPaid ? 3 : ({ monthly: 14, quarterly: 40, half_yearly: 76, yearly: 148 }[frequency] + (index % 7));
  const startDate = addMonths(today, -monthsBack);
  const lastDue = lastCollectionOnOrBefore(startDate, frequency, addDays(today, -settings.graceDays));
  const stopped = index % 12 === 0;
  const payments: AgreementPaymentState['payments'] = {};
  for (let collection = Math.max(0, lastDue - paymentsPerAgreement + 1); collection <= lastDue && !neverPaid; collection++) {
    const outcome: CollectionOutcome = stopped && collection > lastDue - 4 ? 'unpaid' : 'paid';
    payments[`p${index}-${collection}`] = { dueDate: collectionDate(startDate, frequency, collection), outcome };
  }
  const cancelled = index % 31 === 0;
  const state: AgreementPaymentState = {
    id: `a${index}`,
    agreementOfId: `of-a${index}`,
    personId: `person-${index % 700_000}`,
    kind: index % 3 === 0 ? 'membership' : 'regular_support',
    status: cancelled ? 'cancelled' : 'active',
    startDate,
    frequency,
    subscriptionStatus: cancelled ? 'cancelled' : 'active',
    ...(cancelled && { cancelledOn: addMonths(today, -(index % 36)) }),
    ...(index % 53 === 0 && { bankMandateCancelled: { on: '2026-11-01', reason: 'Mandate cancelled by bank' } }),
    pauses: [],
    payments,
    collections: {},
    updatedAt: '2026-11-01T00:00:00Z',
  };
  return withAllCollections(state);
}

/** The median of five measurements, so one garbage collection does not decide the figure. */
function medianUpdateCost(history: number): number {
  const costs = Array.from({ length: 5 }, () => updateCost(history)).sort((a, b) => a - b);
  return costs[2]!;
}

/** Microseconds to apply one payment notification to a state with `history` monthly payments. */
function updateCost(history: number): number {
  const startDate = addMonths(today, -history);
  const base = stateFor(1);
  const payments = Object.fromEntries(Array.from({ length: history }, (_, index) => [`p${index}`, { dueDate: collectionDate(startDate, 'monthly', index), outcome: 'paid' as const }]));
  const state = withAllCollections({ ...base, startDate, frequency: 'monthly', payments, collections: {} });
  const rounds = 20_000;
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    const payment: OfPayment = { id: `new-${round % 100}`, updatedAt: '2026-11-20T10:00:00Z', contactId: 'c', agreementId: 'a', amountOre: 10_000, status: round % 2 ? 'confirmed' : 'pending', dueDate: '2026-11-10', channel: 'betalingsservice' };
    const record: MirrorRecord = { id: 'm', entity: 'payment', ofId: payment.id, ofUpdatedAt: payment.updatedAt, parents: [], waitingFor: [], record: payment, createdAt: '', updatedAt: '' };
    applyMirrorRecord(state, record);
  }
  return ((performance.now() - started) / rounds) * 1000;
}

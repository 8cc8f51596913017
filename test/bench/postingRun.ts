import { uuidIds } from '../../adapters/system/UuidIds.js';
import { defaultBookkeepingChart } from '../../domain/bookkeeping/BookkeepingChart.js';
import type { Campaign } from '../../domain/bookkeeping/Campaign.js';
import type { LedgerChannel, LedgerPayment } from '../../domain/bookkeeping/LedgerPayment.js';
import { PostingLineBuilder } from '../../domain/bookkeeping/PostingLineBuilder.js';
import { PostingLineIds, claimedPayment } from '../../domain/bookkeeping/claimedPayment.js';
import { campaignKey, postingDimensionsFor } from '../../domain/bookkeeping/postingDimensionsFor.js';
import type { AgreementKind } from '../../domain/mirror/OnlineFundraisingRecords.js';

const paymentCount = Number(process.env.BENCH_POSTING_PAYMENTS ?? 1_000_000);
const campaignCount = 200;
const pageSize = 5_000;
const channels: LedgerChannel[] = ['betalingsservice', 'mobilepay', 'card', 'sms', 'giro'];
const kinds: AgreementKind[] = ['membership', 'regular_support', 'one_off'];

/**
 * [Bogføring] The aggregation of a posting run over a million payments, in one process on one
 * core: for each payment the claim decision (dimensions from its campaign, the line it goes on)
 * and the sum into its line. Payments are made a page at a time, as the ledger query hands them
 * over, so memory shows what the run holds, not the test data.
 */
export async function postingRun(): Promise<string[]> {
  const chart = { ...defaultBookkeepingChart, ledgerOpensOn: '2026-01-01', updatedAt: '2026-01-01T00:00:00Z' };
  const campaigns = new Map(campaignsForBench().map((campaign) => [campaignKey(campaign.code), campaign]));
  const run = { id: 'bench-run', from: '2026-11-01' };
  const builder = new PostingLineBuilder();
  const lineIds = new PostingLineIds(run.id, uuidIds);
  let peakHeap = 0;
  let peakRss = 0;
  let sumOre = 0;
  const started = performance.now();
  for (let first = 0; first < paymentCount; first += pageSize) {
    for (const payment of pageOfPayments(first, Math.min(pageSize, paymentCount - first))) {
      const outcome = postingDimensionsFor(payment, { chart, campaigns, from: run.from });
      if ('held' in outcome) throw new Error(outcome.held);
      builder.add(claimedPayment(payment, outcome.dimensions, lineIds));
      sumOre += payment.amountOre;
    }
    const memory = process.memoryUsage();
    peakHeap = Math.max(peakHeap, memory.heapUsed);
    peakRss = Math.max(peakRss, memory.rss);
  }
  const lines = builder.lines(run.id, chart);
  const elapsedMs = performance.now() - started;
  const linesSumOre = lines.reduce((total, line) => total + line.lumpSumOre, 0);
  return [
    `posting run        ${paymentCount.toLocaleString('en')} payments, ${campaignCount} campaigns, ${channels.length} channels, 30 days (aggregation, one core)`,
    `  time             ${(elapsedMs / 1000).toFixed(2)} s (target < 10 s)`,
    `  payments/s       ${Math.round((paymentCount / elapsedMs) * 1000).toLocaleString('en')}`,
    `  lines built      ${lines.length.toLocaleString('en')} (${Math.round((lines.length / elapsedMs) * 1000).toLocaleString('en')} lines/s)`,
    `  memory peak      heap ${(peakHeap / 2 ** 20).toFixed(0)} MB, rss ${(peakRss / 2 ** 20).toFixed(0)} MB`,
    `  sums             lines ${linesSumOre} øre = payments ${sumOre} øre: ${linesSumOre === sumOre ? 'match' : 'MISMATCH'}`,
  ];
}

function campaignsForBench(): Campaign[] {
  return Array.from({ length: campaignCount }, (_, index) => ({
    code: `DON_WEB_${index % 3 === 0 ? 'RF' : 'NRF'}_C${index}`,
    name: `Campaign ${index}`,
    restricted: index % 3 === 0,
    ...(index % 4 !== 0 && { accountNumber: ['1010', '1030', '1040'][index % 3]! }),
    project: `SAG-${index % 40}`,
    ...(index % 5 !== 0 && { budgetLine: `OPG-${index % 60}` }),
    updatedAt: '2026-01-01T00:00:00Z',
  }));
}

/** A cheap, repeatable scatter of an index over [0, below), so days, channels and campaigns mix. */
function scatter(index: number, salt: number, below: number): number {
  let hash = Math.imul(index ^ Math.imul(salt, 0x9e3779b9), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) % below;
}

function* pageOfPayments(first: number, count: number): Generator<LedgerPayment> {
  for (let index = first; index < first + count; index++) {
    const campaign = scatter(index, 7, campaignCount);
    yield {
      id: `payment-${index}`,
      source: 'onlinefundraising',
      sourceReference: `of-${index}`,
      agreementKind: kinds[scatter(index, 3, kinds.length)]!,
      amountOre: index % 50 === 0 ? -10_000 : 5_000 + (index % 97) * 100,
      paymentDate: `2026-11-${String(1 + scatter(index, 1, 30)).padStart(2, '0')}`,
      channel: channels[scatter(index, 2, channels.length)]!,
      campaignCode: `DON_WEB_${campaign % 3 === 0 ? 'RF' : 'NRF'}_C${campaign}`,
      posting: { state: 'to_post' },
      recordedAt: '2026-11-01T00:00:00Z',
      updatedAt: '2026-11-01T00:00:00Z',
    };
  }
}

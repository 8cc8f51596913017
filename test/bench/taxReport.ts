import type { LedgerPayment } from '../../domain/bookkeeping/LedgerPayment.js';
import type { AgreementKind } from '../../domain/mirror/OnlineFundraisingRecords.js';
import type { TaxYearRules } from '../../domain/taxreport/TaxYearRules.js';
import { yearTotals } from '../../domain/taxreport/yearTotals.js';

const donors = Number(process.env.BENCH_TAX_DONORS ?? 200_000);
const paymentsPerDonor = 12;
const pageSize = 1_000;

const rules: TaxYearRules = {
  id: 'tax-year-rules:2026',
  year: 2026,
  gifts: { deductionLimitOre: 1_800_000, minimumReportedOre: 20_000 },
  ongoing: { deductionLimitOre: 2_000_000, minimumReportedOre: 0, campaignCodes: ['DON_WEB_NRF_12'] },
  membershipFeeOre: 29_000,
  excludedCampaignCodes: ['GC_MEM'],
  updatedAt: '2026-12-01T10:00:00Z',
  updatedBy: 'bench',
};

/**
 * [Skatteindberetning] The yearly computation over BENCH_TAX_DONORS donors (default 200,000) with 12
 * payments each (monthly gifts, memberships, § 12 agreements, one-offs, Global Contact members; 3 %
 * partly refunded the year after), a page of 1,000 donors at a time as a reader of the ledger hands
 * them over. Pages are made when asked, so what is measured is the engine's computation and the
 * memory one page holds, not a store; reading the ledger from Cosmos comes on top.
 */
export function taxReport(): string[] {
  const timed = computeAll(false);
  const measured = computeAll(true);
  return [
    'tax report         the yearly gift totals per person (pages of 1,000 donors made on demand)',
    `  ${donors.toLocaleString('en')} donors x ${paymentsPerDonor} payments  ${timed.seconds.toFixed(2)} s (${Math.round(donors / timed.seconds).toLocaleString('en')} donors/s, ${Math.round((donors * paymentsPerDonor) / timed.seconds).toLocaleString('en')} payments/s); reported ${timed.reported.toLocaleString('en')} persons, ${(timed.reportedOre / 100).toLocaleString('en')} kr`,
    `  memory             live heap after a page at most +${measured.liveMb.toFixed(1)} MB over the start (garbage collected after each page)`,
  ];
}

function computeAll(collectEachPage: boolean): { seconds: number; reported: number; reportedOre: number; liveMb: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baseline = process.memoryUsage().heapUsed;
  let liveMb = 0;
  let reported = 0;
  let reportedOre = 0;
  const started = performance.now();
  for (let first = 0; first < donors; first += pageSize) {
    const page = donorPage(first, Math.min(pageSize, donors - first));
    for (const [personId, payments] of page) {
      const totals = yearTotals(personId, payments, rules);
      if (totals.reported) reported++;
      reportedOre += totals.gifts.reportedOre + totals.ongoing.reportedOre;
    }
    if (collectEachPage && gc) {
      gc();
      liveMb = Math.max(liveMb, (process.memoryUsage().heapUsed - baseline) / 1_048_576);
    }
  }
  return { seconds: (performance.now() - started) / 1000, reported, reportedOre, liveMb };
}

const kinds: { kind: AgreementKind; campaignCode: string; amountOre: number }[] = [
  { kind: 'regular_support', campaignCode: 'DON_WEB_NRF', amountOre: 15_000 },
  { kind: 'regular_support', campaignCode: 'DON_WEB_NRF', amountOre: 10_000 },
  { kind: 'membership', campaignCode: 'MEM_WEB', amountOre: 2_500 },
  { kind: 'regular_support', campaignCode: 'DON_WEB_NRF_12', amountOre: 20_000 },
  { kind: 'one_off', campaignCode: 'ONE_WEB', amountOre: 30_000 },
  { kind: 'membership', campaignCode: 'GC_MEM', amountOre: 5_000 },
];

function donorPage(first: number, count: number): Map<string, LedgerPayment[]> {
  const page = new Map<string, LedgerPayment[]>();
  for (let index = first; index < first + count; index++) {
    const personId = `donor-${index}`;
    const profile = kinds[index % kinds.length]!;
    const payments: LedgerPayment[] = [];
    for (let month = 1; month <= paymentsPerDonor; month++) payments.push(paymentOf(personId, `${personId}-${month}`, profile, `2026-${String(month).padStart(2, '0')}-01`));
    if (index % 33 === 0) payments.push({ ...paymentOf(personId, `${personId}-r`, profile, '2027-01-15'), amountOre: -Math.round(profile.amountOre / 2), refundOf: `${personId}-3`, source: 'refund' });
    page.set(personId, payments);
  }
  return page;
}

function paymentOf(personId: string, id: string, profile: (typeof kinds)[number], paymentDate: string): LedgerPayment {
  return {
    id,
    source: 'onlinefundraising',
    sourceReference: id,
    personId,
    agreementKind: profile.kind,
    campaignCode: profile.campaignCode,
    amountOre: profile.amountOre,
    paymentDate,
    channel: 'betalingsservice',
    posting: { state: 'to_post' },
    recordedAt: `${paymentDate}T08:00:00Z`,
    updatedAt: `${paymentDate}T08:00:00Z`,
  };
}

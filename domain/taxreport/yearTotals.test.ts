import { describe, expect, it } from 'vitest';
import type { LedgerPayment } from '../bookkeeping/LedgerPayment.js';
import { checkIncomeYear } from './incomeYear.js';
import type { TaxYearRules } from './TaxYearRules.js';
import { yearTotals } from './yearTotals.js';

/** The year's figures as finance would enter them; made-up round numbers, not SKAT's. */
const rules: TaxYearRules = {
  id: 'tax-year-rules:2026',
  year: 2026,
  gifts: { deductionLimitOre: 1_800_000, minimumReportedOre: 20_000 },
  ongoing: { deductionLimitOre: 2_000_000, minimumReportedOre: 0, campaignCodes: ['DON_WEB_NRF_12'] },
  membershipFeeOre: 29_000,
  excludedCampaignCodes: ['GC_MEM'],
  updatedAt: '2026-12-01T10:00:00Z',
  updatedBy: 'finance',
};

let sequence = 0;
function payment(fields: Partial<LedgerPayment> & Pick<LedgerPayment, 'amountOre' | 'paymentDate'>): LedgerPayment {
  sequence += 1;
  return {
    id: `p${sequence}`,
    source: 'onlinefundraising',
    sourceReference: `of-${sequence}`,
    personId: 'anna',
    agreementKind: 'one_off',
    channel: 'card',
    posting: { state: 'to_post' },
    recordedAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...fields,
  };
}
const refundOf = (original: LedgerPayment, amountOre: number, paymentDate: string) => payment({ amountOre: -amountOre, paymentDate, refundOf: original.id, source: 'refund', agreementKind: original.agreementKind });
const totals = (...payments: LedgerPayment[]) => yearTotals('anna', payments, rules);

describe('yearTotals', () => {
  it('[Skatteindberetning] the membership fee is not deductible; what a member pays beyond it is a gift', () => {
    expect(totals(payment({ amountOre: 29_000, paymentDate: '2026-02-01', agreementKind: 'membership' })).gifts.givenOre).toBe(0);
    const memberWithGift = totals(payment({ amountOre: 29_000, paymentDate: '2026-02-01', agreementKind: 'membership' }), payment({ amountOre: 21_000, paymentDate: '2026-08-01', agreementKind: 'membership' }));
    expect(memberWithGift).toMatchObject({ membershipPaidOre: 50_000, gifts: { givenOre: 21_000, reportedOre: 21_000 } });
  });

  it('[Skatteindberetning][Refundering] a refund is subtracted in the year of the gift it pays back, even when it came the year after', () => {
    const gift = payment({ amountOre: 100_000, paymentDate: '2026-03-10' });
    const refund = refundOf(gift, 40_000, '2027-01-12');
    expect(totals(gift, refund).gifts.givenOre).toBe(60_000);
    expect(yearTotals('anna', [gift, refund], { ...rules, year: 2027 }).gifts.givenOre).toBe(0);
  });

  it('[Skatteindberetning][Kampagnemodel] one-off and regular gifts are § 8 A gifts; regular payments under a written agreement are § 12, kept apart', () => {
    const result = totals(
      payment({ amountOre: 30_000, paymentDate: '2026-01-05' }),
      payment({ amountOre: 15_000, paymentDate: '2026-02-05', agreementKind: 'regular_support', campaignCode: 'DON_WEB_NRF' }),
      payment({ amountOre: 50_000, paymentDate: '2026-03-05', agreementKind: 'regular_support', campaignCode: 'DON_WEB_NRF_12' }),
    );
    expect(result).toMatchObject({ gifts: { givenOre: 45_000 }, ongoing: { givenOre: 50_000, reportedOre: 50_000 } });
  });

  it('[Skatteindberetning] below the year\'s least reported total nothing is reported; above the limit the deduction stops at it while the whole gift is reported', () => {
    const below = totals(payment({ amountOre: 15_000, paymentDate: '2026-04-01' }));
    expect(below).toMatchObject({ gifts: { givenOre: 15_000, deductibleOre: 15_000, reportedOre: 0 }, reported: false });
    const above = totals(payment({ amountOre: 2_500_000, paymentDate: '2026-04-01' }));
    expect(above).toMatchObject({ gifts: { givenOre: 2_500_000, deductibleOre: 1_800_000, reportedOre: 2_500_000 }, reported: true });
    const nextYear = yearTotals('anna', [payment({ amountOre: 2_500_000, paymentDate: '2027-04-01' })], { ...rules, year: 2027, gifts: { deductionLimitOre: 2_600_000, minimumReportedOre: 0 } });
    expect(nextYear.gifts.deductibleOre).toBe(2_500_000);
  });

  it('[Skatteindberetning] Global Contact\'s obligatory memberships are left out, as the year\'s data says', () => {
    expect(totals(payment({ amountOre: 60_000, paymentDate: '2026-05-01', agreementKind: 'membership', campaignCode: 'GC_MEM' }))).toMatchObject({ membershipPaidOre: 0, reported: false });
  });

  it('[Skatteindberetning][BetalingUdenomOF] an imported gift counts once tied to a person; money that never arrived does not', () => {
    expect(totals(payment({ amountOre: 40_000, paymentDate: '2026-06-01', source: 'bank_transfer', channel: 'bank_transfer' })).gifts.givenOre).toBe(40_000);
    expect(yearTotals('anna', [payment({ amountOre: 40_000, paymentDate: '2026-06-01', source: 'mobilepay_business', personId: undefined })], rules).gifts.givenOre).toBe(0);
    expect(totals(payment({ amountOre: 40_000, paymentDate: '2026-06-01', posting: { state: 'void', reason: 'failed after all' } })).gifts.givenOre).toBe(0);
  });

  it('[Skatteindberetning] a run for a year still to come is refused, naming the field', () => {
    expect(() => checkIncomeYear(2027, '2026-12-02')).toThrow(/year: 2027 has not begun/);
    expect(() => checkIncomeYear(2026, '2026-12-02')).not.toThrow();
    expect(() => checkIncomeYear(2026, '2027-01-10')).not.toThrow();
  });
});

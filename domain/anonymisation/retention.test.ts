import { describe, expect, it } from 'vitest';
import type { LedgerPayment } from '../bookkeeping/LedgerPayment.js';
import { assumedReportedYears, decideRetention, firstRetainedFiscalYear, reportedYears } from './retention.js';

const today = '2032-03-01';

function gift(id: string, paymentDate: string, amountOre: number, agreementKind: LedgerPayment['agreementKind'] = 'one_off'): LedgerPayment {
  return { id, source: 'onlinefundraising', sourceReference: id, personId: 'p', agreementKind, amountOre, paymentDate, channel: 'card', posting: { state: 'to_post' }, recordedAt: `${paymentDate}T10:00:00Z`, updatedAt: `${paymentDate}T10:00:00Z` } as LedgerPayment;
}

describe('[GDPR1] what anonymising keeps: the last 5 fiscal years', () => {
  it('[GDPR1] on any day of 2032 the window starts with fiscal year 2027 (five completed years, and the open one)', () => {
    expect(firstRetainedFiscalYear('2032-01-01')).toBe(2027);
    expect(firstRetainedFiscalYear(today)).toBe(2027);
    expect(firstRetainedFiscalYear('2032-12-31')).toBe(2027);
  });

  it('[GDPR1] a deduction reported 5 years ago keeps the CPR number; one reported 6 years ago does not', () => {
    expect(decideRetention({ cprKnown: true, deductionReportedYears: [2027], payments: [] }, today)).toMatchObject({ keepCpr: true, cprReason: expect.stringContaining('2027') });
    expect(decideRetention({ cprKnown: true, deductionReportedYears: [2026, 2020], payments: [] }, today)).toMatchObject({ keepCpr: false, cprReason: 'no deduction reported for 2027 or later' });
    expect(decideRetention({ cprKnown: false, deductionReportedYears: [2031], payments: [] }, today)).toMatchObject({ keepCpr: false, cprReason: 'no CPR number held' });
  });

  it('[GDPR1] a payment inside the window is kept (detached), one outside is removed, at the very days the window turns', () => {
    const decision = decideRetention(
      { cprKnown: false, deductionReportedYears: [], payments: [{ id: 'first-day', paymentDate: '2027-01-01' }, { id: 'last-day-before', paymentDate: '2026-12-31' }, { id: 'this-year', paymentDate: '2032-02-29' }] },
      today,
    );
    expect(decision.keptPaymentIds).toEqual(['first-day', 'this-year']);
    expect(decision.removedPaymentIds).toEqual(['last-day-before']);
  });

  it('[GDPR1] until the tax report exists, a year counts as reported when the person with a CPR number gave deductible gifts in it, net of refunds; membership fees do not count', () => {
    const payments = [gift('a', '2027-05-01', 20_000), gift('b', '2028-05-01', 10_000), gift('b-refund', '2028-06-01', -10_000), gift('fee', '2029-01-10', 29_000, 'membership')];
    expect(assumedReportedYears(payments, true)).toEqual([2027]);
    expect(assumedReportedYears(payments, false)).toEqual([]);
  });

  it('[GDPR1][Skatteindberetning] a year a delivery reported counts too, even when a refund since corrected it to nothing; without a CPR number nothing counts', () => {
    const payments = [gift('a', '2027-05-01', 20_000), gift('b', '2028-05-01', 10_000), { ...gift('b-refund', '2029-01-20', -10_000), refundOf: 'b' }];
    const markers = [{ year: 2028 }, { year: 2028 }];
    expect(reportedYears(markers, payments, true)).toEqual([2027, 2028]);
    expect(reportedYears([], payments, true)).toEqual([2027]);
    expect(reportedYears(markers, payments, false)).toEqual([]);
  });
});

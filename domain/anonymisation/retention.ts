import { type LedgerPayment, isDeductible } from '../bookkeeping/LedgerPayment.js';
import type { TaxReportMarker } from '../taxreport/TaxReportMarker.js';

/**
 * [GDPR1] How far back anonymising keeps what bookkeeping and tax need. Fiscal year = calendar year
 * (Europe/Copenhagen). "The last 5 fiscal years" is counted as the bookkeeping act counts its
 * retention: material is kept for 5 years from the end of the fiscal year it concerns. So on any day
 * of year T, fiscal years T-5 to T are kept (the five completed years before this one, and this one,
 * still open), and T-6 and older are not. The same window decides whether a deduction reported to
 * SKAT still matters: SKAT may ask about an income year for as long as the books for it are kept.
 */
export const retainedCompletedFiscalYears = 5;

/** The oldest fiscal year still kept on `today` (a Copenhagen business date, YYYY-MM-DD). */
export function firstRetainedFiscalYear(today: string): number {
  return Number(today.slice(0, 4)) - retainedCompletedFiscalYears;
}

export interface RetentionFacts {
  cprKnown: boolean;
  /** Income years for which the person's gifts were reported to SKAT for a deduction. */
  deductionReportedYears: readonly number[];
  /** The person's payments in the ledger (refunds included), with their business dates. */
  payments: readonly Pick<LedgerPayment, 'id' | 'paymentDate'>[];
}

export interface RetentionDecision {
  firstRetainedYear: number;
  /** Keep the CPR number (sealed) because SKAT may ask about a reported deduction. */
  keepCpr: boolean;
  /** Why, in words staff and the audit log can read. */
  cprReason: string;
  /** Payments inside the window: kept, detached from anything that identifies the person. */
  keptPaymentIds: string[];
  /** Payments before the window: removed. */
  removedPaymentIds: string[];
}

/** [GDPR1] What anonymising a person keeps on `today`, and why. */
export function decideRetention(facts: RetentionFacts, today: string): RetentionDecision {
  const firstRetainedYear = firstRetainedFiscalYear(today);
  const reportedInWindow = facts.deductionReportedYears.filter((year) => year >= firstRetainedYear).sort();
  const keepCpr = facts.cprKnown && reportedInWindow.length > 0;
  const cprReason = !facts.cprKnown
    ? 'no CPR number held'
    : keepCpr
      ? `gifts reported to SKAT for a deduction for ${reportedInWindow.join(', ')} (kept from ${firstRetainedYear})`
      : `no deduction reported for ${firstRetainedYear} or later`;
  const inWindow = (payment: { paymentDate: string }) => Number(payment.paymentDate.slice(0, 4)) >= firstRetainedYear;
  return {
    firstRetainedYear,
    keepCpr,
    cprReason,
    keptPaymentIds: facts.payments.filter(inWindow).map((payment) => payment.id),
    removedPaymentIds: facts.payments.filter((payment) => !inWindow(payment)).map((payment) => payment.id),
  };
}

/**
 * [GDPR1][Skatteindberetning] The income years SKAT may ask about: each year a delivery reported the
 * person for (a marker, even a correction to nothing), and each year in which the person, whose CPR
 * number the engine holds, gave a deductible gift (refunds subtracted) that a delivery still to come
 * would report. The second keeps the number a January delivery needs.
 */
export function reportedYears(markers: readonly Pick<TaxReportMarker, 'year'>[], payments: readonly LedgerPayment[], cprKnown: boolean): number[] {
  if (!cprKnown) return [];
  return [...new Set([...markers.map((marker) => marker.year), ...assumedReportedYears(payments, cprKnown)])].sort();
}

/** A year with net deductible gifts (refunds in the gift's year) from a person whose CPR number the engine holds: reported, or to be. */
export function assumedReportedYears(payments: readonly LedgerPayment[], cprKnown: boolean): number[] {
  if (!cprKnown) return [];
  const dateOf = new Map(payments.map((payment) => [payment.id, payment.paymentDate]));
  const netByYear = new Map<number, number>();
  for (const payment of payments.filter(isDeductible)) {
    // A refund counts in the year of the gift it pays back, as the tax report counts it.
    const year = Number((payment.refundOf ? (dateOf.get(payment.refundOf) ?? payment.paymentDate) : payment.paymentDate).slice(0, 4));
    netByYear.set(year, (netByYear.get(year) ?? 0) + payment.amountOre);
  }
  return [...netByYear].filter(([, net]) => net > 0).map(([year]) => year).sort();
}

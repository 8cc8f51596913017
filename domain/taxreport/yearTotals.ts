import type { LedgerPayment } from '../bookkeeping/LedgerPayment.js';
import { type TaxKind, taxKindOf } from './taxKindOf.js';
import type { TaxYearRules } from './TaxYearRules.js';

/** One kind's figures for a person and year: what was given, what may be deducted, what is reported. */
export interface KindTotal {
  /** Received in the year, less what was refunded of it (whenever the refund came). */
  givenOre: number;
  /** What the person may deduct: the given amount up to the year's limit. */
  deductibleOre: number;
  /** What goes to SKAT: the given amount when it reaches the year's least reported total, else nothing. */
  reportedOre: number;
}

/** [Skatteindberetning] A person's gifts in an income year, the kinds kept apart. */
export interface YearTotals {
  personId: string;
  year: number;
  gifts: KindTotal;
  ongoing: KindTotal;
  /** Membership payments, less refunds: the fee part is not deductible; the rest is counted with the gifts. */
  membershipPaidOre: number;
  /** Whether anything is reported for the person this year. */
  reported: boolean;
}

/**
 * [Skatteindberetning][Refundering] Totals one person's year. `payments` are the person's payments
 * dated in the year and the refunds of them, whenever those were made: a refund is subtracted in the
 * year of the gift it pays back, as its kind. A refund of a gift of another year is not this year's
 * (it corrects that year's report).
 */
export function yearTotals(personId: string, payments: readonly LedgerPayment[], rules: TaxYearRules): YearTotals {
  const inYear = new Map(payments.filter((payment) => !payment.refundOf && isInYear(payment, rules.year)).map((payment) => [payment.id, payment]));
  const sums: Record<TaxKind, number> = { gift: 0, ongoing: 0, membership: 0, 'not-counted': 0 };
  for (const payment of payments) {
    const original = payment.refundOf ? inYear.get(payment.refundOf) : inYear.get(payment.id);
    if (!original) continue;
    sums[taxKindOf(original, rules)] += payment.amountOre;
  }
  const membershipPaidOre = Math.max(0, sums.membership);
  const beyondFee = Math.max(0, membershipPaidOre - rules.membershipFeeOre);
  const gifts = kindTotal(Math.max(0, sums.gift) + beyondFee, rules.gifts);
  const ongoing = kindTotal(Math.max(0, sums.ongoing), rules.ongoing);
  return { personId, year: rules.year, gifts, ongoing, membershipPaidOre, reported: gifts.reportedOre > 0 || ongoing.reportedOre > 0 };
}

function kindTotal(givenOre: number, limits: { deductionLimitOre: number; minimumReportedOre: number }): KindTotal {
  return {
    givenOre,
    deductibleOre: Math.min(givenOre, limits.deductionLimitOre),
    reportedOre: givenOre > 0 && givenOre >= limits.minimumReportedOre ? givenOre : 0,
  };
}

function isInYear(payment: LedgerPayment, year: number): boolean {
  return payment.paymentDate.startsWith(`${year}-`);
}

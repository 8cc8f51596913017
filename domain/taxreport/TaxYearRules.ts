/**
 * [Skatteindberetning] What decides one income year's tax report, as data: the limits and thresholds
 * change every year (SKAT publishes them), so finance enters them per year; nothing of it is a
 * constant in code. Amounts are integer øre.
 */
export interface TaxYearRules {
  /** `tax-year-rules:<year>`. */
  id: string;
  year: number;
  /**
   * Gifts (ligningslovens § 8 A: one-off gifts and regular gifts without a written agreement): the most
   * one giver may deduct in the year, and the least yearly total that is reported at all.
   */
  gifts: { deductionLimitOre: number; minimumReportedOre: number };
  /**
   * Ongoing payments (ligningslovens § 12: løbende ydelser under a written agreement): the deduction
   * limit and the least reported total, and the campaign codes whose agreements are such written
   * agreements (OF does not say; MS's campaign model does).
   */
  ongoing: { deductionLimitOre: number; minimumReportedOre: number; campaignCodes: string[] };
  /** The membership fee: a member's payments in the year count as fee up to this, and only the rest is a gift. */
  membershipFeeOre: number;
  /** Payments under these campaign codes are left out: Global Contact's obligatory memberships follow a process of their own. */
  excludedCampaignCodes: string[];
  updatedAt: string;
  updatedBy: string;
}

export function taxYearRulesId(year: number): string {
  return `tax-year-rules:${year}`;
}

import type { YearTotals } from './yearTotals.js';

/**
 * [Skatteindberetning] A person's gift totals for an income year as the latest run computed them: what
 * the December mail tells them and what the January file reports. One per person and year; a later
 * run replaces it.
 */
export interface TaxStatement extends YearTotals {
  /** `<year>:<personId>`. */
  id: string;
  runId: string;
  computedAt: string;
  /** Whether MS holds the giver's CPR number: without it nothing can be reported, and the December mail asks for it. */
  cprKnown: boolean;
  /** The keyed hash of that CPR number (never the number): SKAT holds what is reported per CPR number, so deliveries compare by it. */
  cprLookup?: string;
}

export function taxStatementId(year: number, personId: string): string {
  return `${year}:${personId}`;
}

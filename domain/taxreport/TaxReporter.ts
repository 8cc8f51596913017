import { InvalidTaxReportRequestError } from './incomeYear.js';

/**
 * [Skatteindberetning] Who reports to SKAT: MS's CVR number and the SE number its deliveries are
 * made under, as finance enters them (they are MS's, not the engine's, so they are data).
 */
export interface TaxReporter {
  id: typeof taxReporterId;
  cvr: string;
  se: string;
  updatedAt: string;
  updatedBy: string;
}

export const taxReporterId = 'tax-reporter';

/**
 * CVR and SE numbers are eight digits, the first not 0 (Erhvervsstyrelsen). The modulus-11 check
 * some systems apply is left out: a valid number wrongly refused would stop the delivery.
 */
export function checkReporterNumbers(numbers: { cvr: string; se: string }): void {
  const problems = (['cvr', 'se'] as const).filter((field) => !/^[1-9]\d{7}$/.test(numbers[field])).map((field) => ({ field, problem: `a ${field.toUpperCase()} number is 8 digits, the first not 0` }));
  if (problems.length > 0) throw new InvalidTaxReportRequestError(problems);
}

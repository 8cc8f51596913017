import { DomainError } from '../shared/errors.js';
import type { FieldProblem } from '../sending/errors.js';

/** A tax-report request that cannot be taken as it is: HTTP 400 naming the field. */
export class InvalidTaxReportRequestError extends DomainError {
  readonly code = 'invalid_tax_report_request';
  constructor(readonly fields: FieldProblem[]) {
    super(fields.map((problem) => `${problem.field}: ${problem.problem}`).join('; '));
  }
}

/**
 * [Skatteindberetning] The income years a run may be for: the year going on (the December run) or one
 * that has ended (the January run, and corrections); never one still to come. `today` is a Danish
 * business date.
 */
export function checkIncomeYear(year: number, today: string): void {
  const currentYear = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year > currentYear) throw new InvalidTaxReportRequestError([{ field: 'year', problem: `${year} has not begun; the latest income year is ${currentYear}` }]);
}

import { DomainError } from '../shared/errors.js';
import type { FieldProblem } from './periodProblems.js';

/** Keyword assignments whose periods cannot be stored (overlapping, ending before they start…). */
export class InvalidKeywordPeriodsError extends DomainError {
  readonly code = 'invalid_keyword_periods';
  constructor(readonly fields: FieldProblem[]) {
    super(`the keyword periods are not valid: ${fields.map((field) => `${field.field}: ${field.problem}`).join('; ')}`);
  }
}

import { DomainError } from '../shared/errors.js';
import type { FieldProblem } from '../sending/errors.js';

/** A call campaign, extract or lead request that cannot be taken as it is: HTTP 400 naming each field. */
export class InvalidTelemarketingInputError extends DomainError {
  readonly code = 'invalid_telemarketing_input';
  constructor(readonly fields: FieldProblem[]) {
    super(fields.map((problem) => `${problem.field}: ${problem.problem}`).join('; '));
  }
}

import { DomainError } from '../shared/errors.js';
import type { FieldProblem } from './StopListEntry.js';

/** A stop-list request that cannot be stored: the fields say why. */
export class InvalidStopListRequestError extends DomainError {
  readonly code = 'invalid_stop_list_request';
  constructor(readonly fields: FieldProblem[]) {
    super(`the stop-list request is not valid: ${fields.map((field) => `${field.field}: ${field.problem}`).join('; ')}`);
  }
}

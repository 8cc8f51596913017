import { ConflictError, DomainError } from '../shared/errors.js';

export interface FieldProblem {
  field: string;
  problem: string;
}

/** A template, segment or send that cannot be taken as it is: HTTP 400 naming each field. */
export class InvalidSendingInputError extends DomainError {
  readonly code = 'invalid_sending_input';
  constructor(readonly fields: FieldProblem[]) {
    super(fields.map((problem) => `${problem.field}: ${problem.problem}`).join('; '));
  }
}

/** The send is past the point where this is possible (e.g. resuming a cancelled send): HTTP 409. */
export class SendStateError extends ConflictError {
  readonly code = 'send_state';
}

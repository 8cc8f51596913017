import { DomainError } from '../shared/errors.js';

/** A decided case cannot be decided again. */
export class ReviewAlreadyDecidedError extends DomainError {
  readonly code = 'review_already_decided';
}

/** A merge must name one of the persons the case proposed. */
export class NotAProposedMatchError extends DomainError {
  readonly code = 'not_a_proposed_match';
}

/** [NFR-Input] A merge that cannot be carried out as asked (a person into itself, or an unknown person); names the field. */
export class InvalidMergeRequestError extends DomainError {
  readonly code = 'invalid_merge_request';
  constructor(
    message: string,
    readonly fields: { field: string; problem: string }[],
  ) {
    super(message);
  }
}

import { DomainError } from '../shared/errors.js';

/** A decided case cannot be decided again. */
export class ReviewAlreadyDecidedError extends DomainError {
  readonly code = 'review_already_decided';
}

/** A merge must name one of the persons the case proposed. */
export class NotAProposedMatchError extends DomainError {
  readonly code = 'not_a_proposed_match';
}

import { ConflictError, DomainError } from '../shared/errors.js';

/** No posting run until finance has saved the chart (its opening date must be a deliberate choice). */
export class ChartNotSavedError extends ConflictError {
  readonly code = 'chart_not_saved';
}

/** Two runs over overlapping ranges would fight over the same days. */
export class PostingRangeOverlapError extends ConflictError {
  readonly code = 'range_overlaps_run';
}

export class AlreadyRefundedError extends ConflictError {
  readonly code = 'already_refunded';
}

/** Only money received can be refunded: not a refund, nor a voided payment. */
export class NotRefundableError extends ConflictError {
  readonly code = 'not_refundable';
}

export class InvalidPostingRangeError extends DomainError {
  readonly code = 'invalid_range';
  constructor(
    message: string,
    readonly fields: { field: string; problem: string }[],
  ) {
    super(message);
  }
}

/** A refund larger than the payment it pays back. */
export class RefundTooLargeError extends DomainError {
  readonly code = 'refund_too_large';
  readonly fields = [{ field: 'amountOre', problem: 'must not exceed the payment' }];
}

/** Finance answered a run that is not waiting for an answer. */
export class NoReviewPendingError extends ConflictError {
  readonly code = 'no_review_pending';
}

/** Finance's answer names another line than the one the run asks about. */
export class ReviewLineMismatchError extends ConflictError {
  readonly code = 'review_line_mismatch';
}

/** The run changed between reading it and saving the answer (another answer, a step); read it again. */
export class PostingRunChangedError extends ConflictError {
  readonly code = 'run_changed';
}

/** A posting line's send failed; the run remembers the line, as BC may have it (see PostingRun.uncertainLine). */
export class LineSendFailedError extends Error {
  constructor(
    readonly lineNumber: number,
    readonly failure: unknown,
  ) {
    super(`line ${lineNumber}: ${failure instanceof Error ? failure.message : String(failure)}`, { cause: failure });
    this.name = failure instanceof Error ? failure.name : 'Error';
  }
}

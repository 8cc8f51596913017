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
  readonly fields = [{ field: 'to', problem: 'must be on or after from' }];
}

/** A refund larger than the payment it pays back. */
export class RefundTooLargeError extends DomainError {
  readonly code = 'refund_too_large';
  readonly fields = [{ field: 'amountOre', problem: 'must not exceed the payment' }];
}

import { ConflictError, DomainError } from '../shared/errors.js';

/** [GDPR1] The person is anonymised already, or being anonymised: HTTP 409. */
export class AlreadyAnonymisedError extends ConflictError {
  readonly code = 'already_anonymised';
}

/** [GDPR1] The person was merged into another; that one (the survivor) is who to anonymise: HTTP 409. */
export class MergedPersonError extends ConflictError {
  readonly code = 'merged_person';
  constructor(readonly survivorId: string) {
    super(`the person was merged into ${survivorId}; anonymise that person instead`);
  }
}

/** [GDPR1] The request cannot be taken as it is (e.g. a request date in the future): HTTP 400, naming the fields. */
export class InvalidAnonymisationRequestError extends DomainError {
  readonly code = 'invalid_anonymisation_request';
  constructor(readonly fields: { field: string; problem: string }[]) {
    super(fields.map((problem) => `${problem.field}: ${problem.problem}`).join('; '));
  }
}

/** [GDPR1] The segment holds another number of persons than staff confirmed (data changed since the dry run): HTTP 409, nothing started. */
export class SegmentCountMismatchError extends ConflictError {
  readonly code = 'segment_count_changed';
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`the segment now holds ${actual} person(s), not the ${expected} confirmed; run the dry run again and confirm its count`);
  }
}

/** [GDPR1] A request date after today (Copenhagen) is a typing error, not a request: refused, naming the field. */
export function refuseFutureRequestDate(requestedOn: string, today: string): void {
  if (requestedOn > today) throw new InvalidAnonymisationRequestError([{ field: 'requestedOn', problem: `${requestedOn} is after today (${today})` }]);
}

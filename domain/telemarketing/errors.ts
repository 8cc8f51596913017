import { ConflictError, DomainError } from '../shared/errors.js';
import type { FieldProblem } from '../sending/errors.js';
import type { LeadExclusionCounts } from './chooseLeads.js';

/** A call campaign, extract or lead request that cannot be taken as it is: HTTP 400 naming each field. */
export class InvalidTelemarketingInputError extends DomainError {
  readonly code = 'invalid_telemarketing_input';
  constructor(readonly fields: FieldProblem[]) {
    super(fields.map((problem) => `${problem.field}: ${problem.problem}`).join('; '));
  }
}

/** [Dialer2] The TM rules keep the person from the campaign (consent, stop list, window, priority): HTTP 409 naming why. */
export class NotCallableError extends ConflictError {
  readonly code = 'not_callable';
  constructor(readonly reasons: LeadExclusionCounts) {
    super(`the person may not be handed to this campaign: ${Object.keys(reasons).join(', ')}`);
  }
}

/** [Dialer5] The dialer reported on a lead the engine never handed over: kept for replay, never guessed at. */
export class UnknownLeadError extends DomainError {
  readonly code = 'unknown_lead';
}

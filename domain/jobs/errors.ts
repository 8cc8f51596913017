import { DomainError } from '../shared/errors.js';

export class UnknownJobError extends DomainError {
  readonly code = 'unknown_job';
}

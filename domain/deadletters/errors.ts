import { DomainError } from '../shared/errors.js';

/** Only a dead message can be replayed; one that is retrying, replayed or resolved cannot. */
export class NotReplayableError extends DomainError {
  readonly code = 'not_replayable';
}

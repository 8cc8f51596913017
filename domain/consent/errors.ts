import { DomainError } from '../shared/errors.js';

/** A consent names a topic the topics table does not have, or one not offered on that channel. */
export class UnknownConsentTopicError extends DomainError {
  readonly code = 'unknown_consent_topic';
  constructor(
    message: string,
    readonly fields: { field: string; problem: string }[],
  ) {
    super(message);
  }
}

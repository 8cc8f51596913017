import { DomainError } from '../shared/errors.js';

/** [Brugerrettigheder] The token is missing, malformed, forged, expired or not for this engine: HTTP 401. */
export class InvalidAccessTokenError extends DomainError {
  readonly code = 'invalid_token';
}

/** The tenant's signing keys could not be fetched, so no token can be checked now: HTTP 503. */
export class SignInUnavailableError extends DomainError {
  readonly code = 'sign_in_unavailable';
}

/** [Brugerrettigheder] The caller is signed in but no role they hold allows this: HTTP 403. */
export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
}

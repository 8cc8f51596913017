import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { NotReplayableError } from '../../domain/deadletters/errors.js';
import { ReviewAlreadyDecidedError } from '../../domain/identity/errors.js';
import { ConcurrencyConflictError, ConflictError, DomainError, NotFoundError } from '../../domain/shared/errors.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { type Problem, problem } from './problem.js';

/** The one place that turns errors into HTTP statuses. */
export function mapErrors(logger: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof HTTPException) return error.getResponse();
    if (error instanceof NotFoundError) return problem(c, 404, error.code, error.message);
    if (error instanceof ConflictError || error instanceof NotReplayableError || error instanceof ConcurrencyConflictError || error instanceof ReviewAlreadyDecidedError) {
      return problem(c, 409, error.code, error.message);
    }
    if (error instanceof DomainError) {
      logger.warn('request refused', { method: c.req.method, path: c.req.path, code: error.code });
      // A refused file also lists its bad rows by line.
      return problem(c, 400, error.code, error.message, fieldsOf(error), 'rejected' in error ? { rejected: error.rejected as Problem['rejected'] } : undefined);
    }
    logger.error('request failed', { method: c.req.method, path: c.req.path, error: error.message });
    return problem(c, 500, 'internal_error', 'the engine could not handle the request; it has been logged');
  };
}

/** A domain error that names the bad fields (e.g. an unknown consent topic) passes them on. */
function fieldsOf(error: DomainError): Problem['fields'] {
  const { fields } = error as DomainError & { fields?: Problem['fields'] };
  return Array.isArray(fields) ? fields : undefined;
}

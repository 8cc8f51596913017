import { DomainError } from '../shared/errors.js';

/** A submission names a form the engine has no settings for. */
export class UnknownFormError extends DomainError {
  readonly code = 'unknown_form';
  constructor(
    message: string,
    readonly fields: { field: string; problem: string }[],
  ) {
    super(message);
  }
}

/** An import file lacks columns every row needs. */
export class MissingImportColumnsError extends DomainError {
  readonly code = 'missing_columns';
  constructor(
    message: string,
    readonly fields: { field: string; problem: string }[],
  ) {
    super(message);
  }
}


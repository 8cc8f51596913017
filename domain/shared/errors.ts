/** Base of the engine's named domain errors; handlers map them to status codes in one place. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The thing asked for does not exist (at the source or in the engine). */
export class NotFoundError extends DomainError {
  readonly code = 'not_found';
}

/** A write lost an optimistic-concurrency race too many times in a row. */
export class ConcurrencyConflictError extends DomainError {
  readonly code = 'concurrency_conflict';
}

/** The request clashes with the state things are in (e.g. a payment already refunded): HTTP 409. */
export abstract class ConflictError extends DomainError {}

/** A value of an imported file that cannot be taken: its line (the header is line 1), its column and why. */
export interface ImportRowProblem {
  line: number;
  field: string;
  problem: string;
}

/** [NFR-Input] A file with at least one bad row is refused whole; `rejected` names every bad value by line and column. */
export class ImportRejectedError extends DomainError {
  readonly code = 'import_rejected';
  constructor(readonly rejected: ImportRowProblem[]) {
    super(`${new Set(rejected.map((row) => row.line)).size} row(s) cannot be imported, so nothing was; correct them and upload the whole file again`);
  }
}

import { HttpError } from '../http/HttpError.js';

const service = 'Business Central';

/** BC refused a request and said why: its OData error `code` (e.g. Application_DialogException) and message. */
export class BusinessCentralError extends HttpError {
  constructor(
    status: number,
    /** BC's error code; empty when the body was not BC's error shape. */
    readonly code: string,
    /** BC's message (with its correlation id), or the start of the body. */
    readonly bcMessage: string,
    /** What the engine asked, e.g. "POST journal line MS-2025-03-31-1040-5850". */
    readonly operation: string,
  ) {
    super(service, status, `${operation}: ${code ? `${code}: ` : ''}${bcMessage}`);
    this.name = 'BusinessCentralError';
  }

  static async of(response: Response, operation: string): Promise<BusinessCentralError> {
    const text = await response.text().catch(() => '');
    try {
      const { error } = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
      if (typeof error?.code === 'string' && typeof error.message === 'string') return new BusinessCentralError(response.status, error.code, error.message, operation);
    } catch {
      // Not JSON: a gateway's page, say.
    }
    return new BusinessCentralError(response.status, '', text.slice(0, 500), operation);
  }
}

/**
 * A create that BC may or may not have carried out: it answered 5xx, or did not answer in time.
 * It is not repeated; the caller finds out what exists (for journal lines: `linesAlreadySent`).
 */
export class UnknownOutcomeError extends Error {
  constructor(
    readonly operation: string,
    reason: string,
    /** BC's status when it answered (5xx); undefined after a timeout or a broken connection. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(`${service} did not confirm ${operation} (${reason}); it may have been carried out`, options);
    this.name = 'UnknownOutcomeError';
  }
}

/**
 * A journal line is in BC without all its dimensions, and deleting it failed too: someone must
 * delete it in BC (or add the dimensions), since `linesAlreadySent` counts it as sent.
 */
export class UndimensionedJournalLineError extends Error {
  constructor(
    readonly journalLineId: string,
    readonly externalDocumentNumber: string,
    options: { cause: unknown },
  ) {
    super(
      `journal line ${journalLineId} (${externalDocumentNumber}) is in Business Central without all its dimensions and could not be deleted: delete it in BC before the run is resumed`,
      options,
    );
    this.name = 'UndimensionedJournalLineError';
  }
}

/**
 * A Web API response before it is put on the wire, either as an HTTP response or as one part of a
 * `$batch` response.
 */
export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON-serialisable body; absent for 204 and for bodiless errors. */
  body?: unknown;
}

export const jsonContentType = 'application/json; odata.metadata=minimal';

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'Content-Type': jsonContentType, 'OData-Version': '4.0', ...headers }, body };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'OData-Version': '4.0', ...headers } };
}

/** Dataverse's error body: `{ "error": { "code": "0x…", "message": "…" } }`. */
export function errorResponse(status: number, code: string, message: string, headers: Record<string, string> = {}): ApiResponse {
  return jsonResponse(status, { error: { code, message } }, headers);
}

/** The error codes the simulator answers with, named as in Dataverse's error code reference. */
export const errorCodes = {
  objectDoesNotExist: '0x80040217',
  /** A request Dataverse refuses on its merits, e.g. a Merge of a row with itself or of an inactive row. */
  invalidArgument: '0x80040203',
  duplicateRecord: '0x80040237',
  /** OData syntax or payload errors: unknown property, bad literal, bad key. */
  queryOrPayloadError: '0x80060888',
  resourceNotFoundForSegment: '0x8006088a',
  concurrencyVersionMismatch: '0x80060882',
  stringLengthTooLong: '0x80044331',
  requestsExceededLimit: '0x80072322',
  unexpected: '0x80040216',
} as const;

export function toWebResponse(response: ApiResponse): Response {
  const body = response.body === undefined ? null : JSON.stringify(response.body);
  return new Response(body, { status: response.status, headers: response.headers });
}

/** Thrown while handling a request to answer with a Dataverse error instead. */
export class DataverseErrorResponse extends Error {
  readonly response: ApiResponse;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'DataverseErrorResponse';
    this.response = errorResponse(status, code, message, headers);
  }
}

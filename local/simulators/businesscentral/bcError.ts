import { randomUUID } from 'node:crypto';

/** The OData error codes BC answers with (see README.md for where each one comes from). */
export const bcErrorCodes = {
  badRequest: 'BadRequest',
  querySyntax: 'BadRequest_NotFound',
  resourceNotFound: 'BadRequest_ResourceNotFound',
  readOnly: 'BadRequest_InvalidOperation',
  methodNotAllowed: 'BadRequest_MethodNotAllowed',
  missingConcurrencyToken: 'BadRequest_InvalidToken',
  entityChanged: 'Request_EntityChanged',
  dialog: 'Application_DialogException',
  stringTooLong: 'Application_StringExceededLength',
  fieldValidation: 'Application_FieldValidationException',
  tooManyRequests: 'Application_TooManyRequests',
  invalidTableRelation: 'Internal_InvalidTableRelation',
  recordNotFound: 'Internal_RecordNotFound',
  sameKeyExists: 'Internal_EntityWithSameKeyExists',
  serverError: 'Internal_ServerError',
  invalidCredentials: 'Authentication_InvalidCredentials',
} as const;

/** A request BC refuses: thrown while a request is handled, answered by `bcErrorResponse`. */
export class BcError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'BcError';
  }
}

/** BC's error body, `{ "error": { "code", "message" } }`; BC ends every message with a correlation id. */
export function bcErrorResponse(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return jsonResponse(status, { error: { code, message: `${message}  CorrelationId:  ${randomUUID()}.` } }, headers);
}

export function bcErrorToResponse(error: BcError): Response {
  return bcErrorResponse(error.status, error.code, error.message, error.headers);
}

/** An OData JSON answer as BC sends it (minimal metadata). */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; odata.metadata=minimal; charset=utf-8', 'odata-version': '4.0', ...headers },
  });
}

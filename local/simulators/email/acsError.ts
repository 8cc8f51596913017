/**
 * ACS's error answer: `{ "error": { "code", "message" } }` (Azure's data-plane ErrorResponse), with
 * the code repeated in the `x-ms-error-code` header as the REST API specification says.
 */
export function acsError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-ms-error-code': code, ...headers },
  });
}

/** The code an injected fault answers with when its rule gives no body (assumed codes). */
export function codeForStatus(status: number): string {
  if (status === 429) return 'TooManyRequests';
  if (status === 503) return 'ServiceUnavailable';
  if (status >= 500) return 'InternalServerError';
  return 'SimulatedError';
}

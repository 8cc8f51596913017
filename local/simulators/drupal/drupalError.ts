/** Drupal's JSON error body, as its serializer writes an HTTP exception: `{ "message": "…" }`. */
export function drupalError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return jsonResponse(status, { message }, headers);
}

/** The simulator's own control API errors, shaped like the other simulators': `{ "error": { code, message } }`. */
export function controlError(status: number, code: string, message: string): Response {
  return jsonResponse(status, { error: { code, message } });
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** HeroBase's error body as assumed: `{ "error": { "code", "message", "fields"? } }`. */
export function heroBaseError(status: number, code: string, message: string, headers: Record<string, string> = {}, fields?: { field: string; problem: string }[]): Response {
  return jsonResponse(status, { error: { code, message, ...(fields && { fields }) } }, headers);
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

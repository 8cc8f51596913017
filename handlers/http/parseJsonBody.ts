/** Parses a JSON body; text that is not JSON becomes a marker zod reports as the wrong type. */
export function parseJsonBody(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody);
  } catch {
    return Symbol.for('not-json');
  }
}

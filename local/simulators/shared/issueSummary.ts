import type { z } from 'zod';

/** A schema's complaints on one line, `path: message; …`, with `(body)` for the body as a whole. */
export function issueSummary(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
}

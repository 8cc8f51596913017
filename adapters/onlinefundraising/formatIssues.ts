/**
 * Zod's issues as one line for an `OnlineFundraisingFormatError`: the path and what was expected.
 * Zod's messages name paths and expected types, never the values, so no personal data leaks into logs.
 */
export function formatIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`).join('; ');
}

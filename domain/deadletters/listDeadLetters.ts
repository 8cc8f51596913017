import type { DeadLetterPage, DeadLetterStore } from './ports.js';

export const maxDeadLetterPageSize = 100;

/** The dead messages waiting for someone, a page at a time. */
export function listDeadLetters(
  page: { pageSize?: number; continuationToken?: string },
  ports: { deadLetters: DeadLetterStore },
): Promise<DeadLetterPage> {
  const pageSize = Math.min(page.pageSize ?? 50, maxDeadLetterPageSize);
  return ports.deadLetters.listByStatus('dead', { pageSize, ...(page.continuationToken && { continuationToken: page.continuationToken }) });
}

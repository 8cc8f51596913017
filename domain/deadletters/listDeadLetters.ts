import type { DeadLetterStatus } from './DeadLetter.js';
import type { DeadLetterPage, DeadLetterStore } from './ports.js';

export const maxDeadLetterPageSize = 100;

/** The dead messages waiting for someone (or those in another state: retrying, replayed, resolved), a page at a time. */
export function listDeadLetters(
  page: { pageSize?: number; continuationToken?: string; status?: DeadLetterStatus },
  ports: { deadLetters: DeadLetterStore },
): Promise<DeadLetterPage> {
  const pageSize = Math.min(page.pageSize ?? 50, maxDeadLetterPageSize);
  return ports.deadLetters.listByStatus(page.status ?? 'dead', { pageSize, ...(page.continuationToken && { continuationToken: page.continuationToken }) });
}

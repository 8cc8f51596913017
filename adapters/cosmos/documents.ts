import type { ErrorResponse } from '@azure/cosmos';

/** Cosmos adds system properties (_etag, _rid, _ts, …) to every document; the domain never sees them. */
export function withoutSystemProperties<T>(document: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_'))) as T;
}

export function hasStatus(error: unknown, status: number): boolean {
  return (error as ErrorResponse | undefined)?.code === status;
}

import type { Container, SqlQuerySpec } from '@azure/cosmos';
import { withoutSystemProperties } from './documents.js';

/** One page of a query, with the continuation token for the next (Cosmos's way to page). */
export async function queryPage<T>(
  container: Container,
  query: string | SqlQuerySpec,
  page: { pageSize: number; continuationToken?: string },
  partitionKey?: string,
): Promise<{ items: T[]; continuationToken?: string }> {
  const response = await container.items
    .query<T & Record<string, unknown>>(query, {
      maxItemCount: page.pageSize,
      ...(page.continuationToken && { continuationToken: page.continuationToken }),
      ...(partitionKey !== undefined && { partitionKey }),
    })
    .fetchNext();
  return {
    items: response.resources.map((document) => withoutSystemProperties<T>(document)),
    ...(response.continuationToken && { continuationToken: response.continuationToken }),
  };
}

/** Every page of a query, one after the other, following the continuation tokens. */
export async function* queryPages<T>(container: Container, query: string | SqlQuerySpec, pageSize: number, partitionKey?: string): AsyncIterable<T[]> {
  let continuationToken: string | undefined;
  do {
    const page = await queryPage<T>(container, query, { pageSize, ...(continuationToken && { continuationToken }) }, partitionKey);
    if (page.items.length > 0) yield page.items;
    continuationToken = page.continuationToken;
  } while (continuationToken);
}

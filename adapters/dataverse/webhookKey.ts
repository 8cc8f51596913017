import { timingSafeEqual } from 'node:crypto';

/**
 * Dataverse webhooks authenticate with a key chosen at registration: as an HTTP header
 * (`HttpHeader` auth, header `x-ms-engine-webhook-key`) or as the `code` query parameter
 * (`WebhookKey` auth). Compared in constant time.
 */
export const dataverseWebhookKeyHeader = 'x-ms-engine-webhook-key';

export function hasDataverseWebhookKey(expected: string, headers: Headers, url: URL): boolean {
  const presented = headers.get(dataverseWebhookKeyHeader) ?? url.searchParams.get('code');
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

import { createHash, createHmac } from 'node:crypto';

/** The headers ACS's HMAC scheme signs, in this order; the SDK always sends exactly these. */
export const signedHeaderNames = 'x-ms-date;host;x-ms-content-sha256';

export interface SignatureInput {
  /** Upper case, e.g. "POST". */
  method: string;
  /** Path and query as `pathAndQueryOf` gives them. */
  pathAndQuery: string;
  /** The `x-ms-date` header: an RFC 1123 date, e.g. "Tue, 01 Jul 2025 10:00:00 GMT". */
  date: string;
  /** The `Host` header, e.g. "127.0.0.1:7074". */
  host: string;
  /** The `x-ms-content-sha256` header. */
  contentHash: string;
}

/**
 * The string ACS signs, as `@azure/communication-common`'s access-key policy builds it:
 * `VERB\n<path>?<query>\n<x-ms-date>;<host>;<x-ms-content-sha256>`.
 */
export function stringToSign({ method, pathAndQuery, date, host, contentHash }: SignatureInput): string {
  return `${method.toUpperCase()}\n${pathAndQuery}\n${date};${host};${contentHash}`;
}

/** Path and query as the SDK signs them: the query re-serialised by URLSearchParams, no "?" when empty. */
export function pathAndQueryOf(url: URL): string {
  const query = url.searchParams.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

/** Base64 SHA-256 of the request body (of "" when there is none). */
export function contentHashOf(body: Uint8Array | string): string {
  return createHash('sha256').update(body).digest('base64');
}

/** Base64 HMAC-SHA256 of `text`, keyed with the base64-decoded access key. */
export function hmacSignature(accessKey: string, text: string): string {
  return createHmac('sha256', Buffer.from(accessKey, 'base64')).update(text).digest('base64');
}

/** The `Authorization` header value for a signature. */
export function authorizationHeader(signature: string): string {
  return `HMAC-SHA256 SignedHeaders=${signedHeaderNames}&Signature=${signature}`;
}

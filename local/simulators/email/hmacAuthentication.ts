import { timingSafeEqual } from 'node:crypto';
import { contentHashOf, hmacSignature, pathAndQueryOf, signedHeaderNames, stringToSign } from './hmacSignature.js';

/** How far `x-ms-date` may be from the simulator's clock, either way (assumed, as Azure's other HMAC schemes). */
export const maxClockSkewMs = 15 * 60 * 1000;

export interface IncomingRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: Uint8Array;
}

const authorizationPattern = /^HMAC-SHA256 SignedHeaders=([^&]+)&Signature=(.+)$/;
const denied = 'Denied by the resource provider.';

/**
 * Checks ACS's HMAC-SHA256 request signing. Returns why the request is refused (the message of
 * ACS's 401), or undefined when it is signed with `accessKey`.
 */
export function hmacRefusal(request: IncomingRequest, accessKey: string, now: Date): string | undefined {
  const match = authorizationPattern.exec(request.headers.get('authorization') ?? '');
  if (!match) return denied;
  const [, signedHeaders, signature] = match;
  if (signedHeaders?.toLowerCase() !== signedHeaderNames) return `SignedHeaders must be ${signedHeaderNames}.`;
  const date = request.headers.get('x-ms-date');
  if (!date || !isRecent(date, now)) return "Request 'x-ms-date' is missing, not a date, or too far from the server's time.";
  const contentHash = request.headers.get('x-ms-content-sha256') ?? '';
  if (contentHash !== contentHashOf(request.body)) return "Request 'x-ms-content-sha256' differs from generated content hash.";
  const host = request.headers.get('host') ?? request.url.host;
  const expected = hmacSignature(accessKey, stringToSign({ method: request.method, pathAndQuery: pathAndQueryOf(request.url), date, host, contentHash }));
  return sameText(signature ?? '', expected) ? undefined : denied;
}

function isRecent(date: string, now: Date): boolean {
  const at = Date.parse(date);
  return Number.isFinite(at) && Math.abs(now.getTime() - at) <= maxClockSkewMs;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

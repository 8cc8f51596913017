import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How OF signs its webhooks (assumed; OF's real scheme is not public, see the simulator's README):
 *   X-OF-Timestamp: <unix seconds>
 *   X-OF-Signature: v1=<lowercase hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>[,v1=<…>]
 * During a secret rotation OF sends one `v1=` value per active secret; one match is enough.
 */
export const timestampHeader = 'X-OF-Timestamp';
export const signatureHeader = 'X-OF-Signature';
const scheme = 'v1';

export type RawBody = string | Uint8Array;

/** Headers as a lookup function, a `Headers` object, or a plain record (names in any case). */
export type HeaderSource =
  | ((name: string) => string | null | undefined)
  | Headers
  | Readonly<Record<string, string | readonly string[] | undefined>>;

export type WebhookVerification =
  | { ok: true }
  | {
      ok: false;
      reason:
        | 'missing_signature'
        | 'missing_timestamp'
        | 'malformed_signature'
        | 'malformed_timestamp'
        | 'bad_signature'
        | 'timestamp_outside_window';
    };

export interface VerifyWebhookInput {
  /** More than one while the engine accepts both an old and a new secret. */
  secret: string | readonly string[];
  rawBody: RawBody;
  headers: HeaderSource;
  now: Date;
  /** How far the timestamp may be from `now`, either way; limits replays. */
  toleranceSeconds?: number;
}

/** The headers OF would send with `rawBody`; several secrets give several `v1=` values. */
export function signWebhook(secret: string | readonly string[], rawBody: RawBody, now: Date): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const signatures = secretsOf(secret).map((key) => `${scheme}=${hmacHex(key, timestamp, rawBody)}`);
  return { [timestampHeader]: timestamp, [signatureHeader]: signatures.join(',') };
}

/**
 * Checks a webhook's signature before its timestamp, so a caller without the secret learns
 * nothing beyond "bad signature".
 */
export function verifyWebhook(input: VerifyWebhookInput): WebhookVerification {
  const signatureText = headerValue(input.headers, signatureHeader);
  if (!signatureText) return { ok: false, reason: 'missing_signature' };
  const timestamp = headerValue(input.headers, timestampHeader);
  if (!timestamp) return { ok: false, reason: 'missing_timestamp' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed_timestamp' };

  const offered = offeredSignatures(signatureText);
  if (offered.length === 0) return { ok: false, reason: 'malformed_signature' };
  const expected = secretsOf(input.secret).map((key) => hmacHex(key, timestamp, input.rawBody));
  if (!offered.some((candidate) => expected.some((signature) => sameText(candidate, signature)))) {
    return { ok: false, reason: 'bad_signature' };
  }

  const ageSeconds = Math.abs(input.now.getTime() / 1000 - Number(timestamp));
  if (ageSeconds > (input.toleranceSeconds ?? 300)) return { ok: false, reason: 'timestamp_outside_window' };
  return { ok: true };
}

function hmacHex(secret: string, timestamp: string, rawBody: RawBody): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

function secretsOf(secret: string | readonly string[]): readonly string[] {
  const secrets = typeof secret === 'string' ? [secret] : secret;
  if (secrets.length === 0 || secrets.some((key) => key.length === 0)) throw new Error('Webhook secret must not be empty');
  return secrets;
}

/** The `v1=` values of the header; other schemes are ignored so OF can add newer ones. */
function offeredSignatures(headerText: string): string[] {
  return headerText
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${scheme}=`))
    .map((part) => part.slice(scheme.length + 1).toLowerCase());
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  // Lengths are not secret (every valid signature is 64 hex characters); contents are compared in constant time.
  return left.length === right.length && timingSafeEqual(left, right);
}

function headerValue(headers: HeaderSource, name: string): string | undefined {
  let value: string | readonly string[] | null | undefined;
  if (typeof headers === 'function') value = headers(name);
  else if (headers instanceof Headers) value = headers.get(name);
  else {
    const wanted = name.toLowerCase();
    value = Object.entries(headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
  }
  const text = typeof value === 'string' ? value : value?.join(',');
  return text?.trim() || undefined;
}

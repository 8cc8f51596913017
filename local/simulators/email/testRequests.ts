import { authorizationHeader, contentHashOf, hmacSignature, pathAndQueryOf, stringToSign } from './hmacSignature.js';
import type { EmailSimulator } from './server.js';

export interface SignedRequestOptions {
  method?: string;
  /** JSON-encoded unless it is a string already. */
  body?: unknown;
  /** Default: the simulator's own key. */
  accessKey?: string;
  date?: Date;
  /** The path and query the signature covers, when it should not be the ones requested. */
  signAs?: string;
  /** Headers laid over the signed ones (to tamper with them). */
  headers?: Record<string, string>;
}

/** Test support: a request to the simulator signed as `@azure/communication-email` signs it. */
export function signedFetch(sim: EmailSimulator, pathAndQuery: string, options: SignedRequestOptions = {}): Promise<Response> {
  const url = new URL(pathAndQuery, sim.url);
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const body = options.body === undefined ? '' : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const date = (options.date ?? new Date()).toUTCString();
  const contentHash = contentHashOf(body);
  const signature = hmacSignature(options.accessKey ?? sim.settings.accessKey, stringToSign({ method, pathAndQuery: pathAndQueryOf(options.signAs ? new URL(options.signAs, sim.url) : url), date, host: url.host, contentHash }));
  return fetch(url, {
    method,
    headers: {
      'x-ms-date': date,
      'x-ms-content-sha256': contentHash,
      authorization: authorizationHeader(signature),
      ...(body && { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(body && { body }),
  });
}

/** A valid `POST /emails:send` body; `overrides` replace its top-level fields. */
export function emailBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    senderAddress: 'DoNotReply@engine.ms.dk',
    content: { subject: 'Udsendelse med mange fejl', plainText: '12 % af leveringerne fejlede.', html: '<p>12 % af leveringerne fejlede.</p>' },
    recipients: { to: [{ address: 'medlemsservice@ms.dk', displayName: 'Medlemsservice' }] },
    ...overrides,
  };
}

export const sendPath = '/emails:send?api-version=2025-09-01';

import type { DataverseSimulator } from './server.js';

/** Test helpers: plain `fetch` calls to a running simulator, as any Dataverse client would make them. */

export async function requestToken(sim: DataverseSimulator, overrides: Record<string, string> = {}): Promise<Response> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: sim.credentials.clientId,
    client_secret: sim.credentials.clientSecret,
    scope: `${sim.url}/.default`,
    ...overrides,
  });
  return fetch(sim.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
}

export async function accessToken(sim: DataverseSimulator): Promise<string> {
  const response = await requestToken(sim);
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

export interface ApiCall {
  body?: unknown;
  headers?: Record<string, string>;
}

/** A Web API request with Dataverse's usual headers; `path` is below `/api/data/v9.2/`. */
export async function api(sim: DataverseSimulator, token: string, method: string, path: string, call: ApiCall = {}): Promise<Response> {
  return fetch(`${sim.apiUrl}/${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      'odata-version': '4.0',
      'odata-maxversion': '4.0',
      ...(call.body !== undefined && { 'content-type': 'application/json' }),
      ...call.headers,
    },
    ...(call.body !== undefined && { body: JSON.stringify(call.body) }),
  });
}

/** Lines joined with CRLF, as multipart bodies are written on the wire. */
export function crlf(...lines: string[]): string {
  return lines.join('\r\n');
}

export const guid = {
  contact1: '0a6a4c2e-0000-4000-8000-000000000001',
  contact2: '0a6a4c2e-0000-4000-8000-000000000002',
  contact3: '0a6a4c2e-0000-4000-8000-000000000003',
  account1: '0b0b0b0b-0000-4000-8000-000000000001',
};

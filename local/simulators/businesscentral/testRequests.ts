import type { BusinessCentralSimulator } from './server.js';

/** Asks the simulated Entra ID for a token with the simulator's credentials, `overrides` replacing form fields. */
export function requestToken(sim: BusinessCentralSimulator, overrides: Record<string, string> = {}): Promise<Response> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: sim.credentials.clientId,
    client_secret: sim.credentials.clientSecret,
    scope: 'https://api.businesscentral.dynamics.com/.default',
    ...overrides,
  });
  return fetch(sim.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
}

export async function accessToken(sim: BusinessCentralSimulator): Promise<string> {
  const body = (await (await requestToken(sim)).json()) as { access_token: string };
  return body.access_token;
}

export interface ApiClient {
  /** `path` is below the API base, e.g. "companies"; a body is sent as JSON. */
  (method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** Calls the simulated API with a fresh token. */
export async function apiClient(sim: BusinessCentralSimulator): Promise<ApiClient> {
  const token = await accessToken(sim);
  return (method, path, body, headers = {}) =>
    fetch(`${sim.url}/${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
}

/** The path of the simulator's first journal's lines, with the journal id looked up by code. */
export async function journalLinesPath(sim: BusinessCentralSimulator, api: ApiClient): Promise<string> {
  const response = await api('GET', `companies(${sim.companyId})/journals?$filter=code eq '${sim.journalCode}'`);
  const { value } = (await response.json()) as { value: { id: string }[] };
  return `companies(${sim.companyId})/journals(${value[0]?.id})/journalLines`;
}

/** A valid line for the default chart of accounts; `fields` replace or add properties. */
export function journalLine(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    accountType: 'G/L Account',
    accountNumber: '1040',
    postingDate: '2025-03-31',
    documentNumber: 'MS-2025-03-31',
    externalDocumentNumber: 'MS-2025-03-31-1040-5850',
    amount: -1250.5,
    description: 'Donationer via MobilePay 31.03.2025',
    balanceAccountType: 'G/L Account',
    balancingAccountNumber: '5850',
    ...fields,
  };
}

export async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, code: body.error.code, message: body.error.message };
}

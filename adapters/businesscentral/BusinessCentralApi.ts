import { ClientCredentialsToken, withoutTrailingSlash } from '../entra/ClientCredentialsToken.js';
import { fetchRetryingThrottling } from '../http/fetchRetryingThrottling.js';
import { type FetchWithRetryOptions, fetchWithRetry } from '../http/fetchWithRetry.js';
import type { RetryPolicy, Sleep } from '../http/retryPolicy.js';
import { BusinessCentralError, UnknownOutcomeError } from './errors.js';

export interface BusinessCentralApiConfig {
  /** `https://api.businesscentral.dynamics.com/v2.0/<tenant>/<environment>/api/v2.0` */
  apiUrl: string;
  /** Entra ID's authority, "https://login.microsoftonline.com" in Azure. */
  authorityUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  retryPolicy?: RetryPolicy;
  sleep?: Sleep;
}

/** The resource BC's tokens are for: the scope is `<resource>/.default`. */
export const businessCentralResource = 'https://api.businesscentral.dynamics.com';

/**
 * Calls BC's API v2.0 as the engine's app registration (client credentials; a 401 renews the token
 * once and repeats the request). Reads and deletes are safe to repeat and retried on 429, 5xx and
 * timeouts; a create is repeated only on 429, after which BC has done nothing.
 */
export class BusinessCentralApi {
  private readonly apiUrl: string;
  private readonly token: ClientCredentialsToken;
  private readonly retry: FetchWithRetryOptions;

  constructor(config: BusinessCentralApiConfig) {
    this.apiUrl = withoutTrailingSlash(config.apiUrl);
    this.retry = { ...(config.retryPolicy && { policy: config.retryPolicy }), ...(config.sleep && { sleep: config.sleep }) };
    this.token = new ClientCredentialsToken(
      { authorityUrl: config.authorityUrl, tenantId: config.tenantId, clientId: config.clientId, clientSecret: config.clientSecret, resource: businessCentralResource },
      this.retry,
    );
  }

  /** GETs `pathOrUrl` (below the API URL, or an absolute `@odata.nextLink`) and returns its JSON. */
  async read(pathOrUrl: string, operation: string): Promise<unknown> {
    const response = await this.authorized((token) => fetchWithRetry(this.urlOf(pathOrUrl), { method: 'GET', headers: this.headers(token) }, this.retry));
    if (!response.ok) throw await BusinessCentralError.of(response, operation);
    return response.json();
  }

  /** POSTs a new record and returns BC's representation of it; throws `UnknownOutcomeError` when BC may have created it anyway. */
  async create(path: string, body: unknown, operation: string): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await this.authorized((token) =>
        fetchRetryingThrottling(this.urlOf(path), { method: 'POST', headers: { ...this.headers(token), 'content-type': 'application/json' }, body: JSON.stringify(body) }, this.retry),
      );
    } catch (error) {
      throw new UnknownOutcomeError(operation, error instanceof Error ? error.message : String(error), undefined, { cause: error });
    }
    if (response.status >= 500) {
      const failure = await BusinessCentralError.of(response, operation);
      throw new UnknownOutcomeError(operation, `HTTP ${response.status}: ${failure.bcMessage}`, response.status, { cause: failure });
    }
    if (!response.ok) throw await BusinessCentralError.of(response, operation);
    return (await response.json()) as Record<string, unknown>;
  }

  /** DELETEs a record whatever its ETag; one that is already gone counts as deleted. */
  async delete(path: string, operation: string): Promise<void> {
    const response = await this.authorized((token) => fetchWithRetry(this.urlOf(path), { method: 'DELETE', headers: { ...this.headers(token), 'if-match': '*' } }, this.retry));
    if (response.ok || response.status === 404) {
      await response.body?.cancel();
      return;
    }
    throw await BusinessCentralError.of(response, operation);
  }

  /** A request BC refuses with 401 was not carried out: repeated once with a new token. */
  private async authorized(send: (token: string) => Promise<Response>): Promise<Response> {
    const token = await this.token.get();
    const response = await send(token);
    if (response.status !== 401) return response;
    await response.body?.cancel();
    this.token.invalidate(token);
    return send(await this.token.get());
  }

  private headers(token: string): Record<string, string> {
    return { authorization: `Bearer ${token}`, accept: 'application/json' };
  }

  private urlOf(pathOrUrl: string): string {
    return /^https?:\/\//i.test(pathOrUrl) ? pathOrUrl : `${this.apiUrl}/${pathOrUrl}`;
  }
}

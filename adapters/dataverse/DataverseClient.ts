import { type FetchWithRetryOptions, fetchWithRetry } from '../http/fetchWithRetry.js';
import { HttpError } from '../http/HttpError.js';
import type { RetryPolicy, Sleep } from '../http/retryPolicy.js';
import { ClientCredentialsToken, withoutTrailingSlash } from '../entra/ClientCredentialsToken.js';

export interface DataverseConfig {
  /** The environment's URL, e.g. "https://<org>.crm4.dynamics.com". */
  orgUrl: string;
  /** Entra ID's authority, "https://login.microsoftonline.com" in Azure. */
  authorityUrl: string;
  tenantId: string;
  /** The app registration of the engine's Dataverse application user. */
  clientId: string;
  clientSecret: string;
  retryPolicy?: RetryPolicy;
  sleep?: Sleep;
  onRetry?: FetchWithRetryOptions['onRetry'];
}

export interface DataverseRequest {
  /** JSON body. */
  body?: unknown;
  /** A body sent as it is, e.g. a `$batch`'s multipart text; give its content-type in `headers`. */
  text?: string;
  headers?: Record<string, string>;
}

const service = 'Dataverse';

/**
 * Calls the Dataverse Web API (v9.2) as the engine's application user. The token comes from Entra ID
 * by client credentials and is reused until shortly before it expires; when the API answers 401 it
 * is renewed once and the request repeated. Throttling (429 + Retry-After), 5xx and timeouts are
 * retried by `fetchWithRetry`, so only send requests that are safe to repeat (GET, DELETE, PATCH
 * upserts by id, a `$batch` of such upserts). Whatever still fails becomes an `HttpError`.
 */
export class DataverseClient {
  /** `<orgUrl>/api/data/v9.2`: the service root, e.g. for absolute URLs inside a `$batch`. */
  readonly apiUrl: string;
  private readonly token: ClientCredentialsToken;
  private readonly retry: FetchWithRetryOptions;

  constructor(config: DataverseConfig) {
    this.apiUrl = `${withoutTrailingSlash(config.orgUrl)}/api/data/v9.2`;
    this.retry = {
      ...(config.retryPolicy && { policy: config.retryPolicy }),
      ...(config.sleep && { sleep: config.sleep }),
      ...(config.onRetry && { onRetry: config.onRetry }),
    };
    this.token = new ClientCredentialsToken(
      {
        authorityUrl: config.authorityUrl,
        tenantId: config.tenantId,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        resource: config.orgUrl,
      },
      this.retry,
    );
  }

  /** Sends one request to `<orgUrl>/api/data/v9.2/<path>`; resolves a 2xx response, throws `HttpError` otherwise. */
  async send(method: string, path: string, request: DataverseRequest = {}): Promise<Response> {
    let token = await this.token.get();
    let response = await this.attempt(method, path, request, token);
    if (response.status === 401) {
      await response.body?.cancel();
      this.token.invalidate(token);
      token = await this.token.get();
      response = await this.attempt(method, path, request, token);
    }
    if (!response.ok) throw await HttpError.fromResponse(service, response);
    return response;
  }

  /** Creates the row with this id, or updates it when it exists: repeating it never makes a second row. */
  async upsert(entitySet: string, id: string, columns: Record<string, unknown>): Promise<void> {
    const response = await this.send('PATCH', `${entitySet}(${id})`, { body: columns });
    await response.body?.cancel();
  }

  /** Updates the row with this id; an `HttpError` 404 when it does not exist (never creates it). */
  async update(entitySet: string, id: string, columns: Record<string, unknown>): Promise<void> {
    const response = await this.send('PATCH', `${entitySet}(${id})`, { body: columns, headers: { 'if-match': '*' } });
    await response.body?.cancel();
  }

  /**
   * Calls an unbound action, e.g. `Merge`, with its parameters as the JSON body. Retried like every
   * call, so the action must be safe to repeat, or its caller must recognise a repeat.
   */
  async executeAction(name: string, parameters: Record<string, unknown>): Promise<void> {
    const response = await this.send('POST', name, { body: parameters });
    await response.body?.cancel();
  }

  /** The row's `columns` (with `@odata.etag`), or null when it does not exist. */
  async retrieve(entitySet: string, id: string, columns: string[]): Promise<Record<string, unknown> | null> {
    try {
      const response = await this.send('GET', `${entitySet}(${id})?$select=${columns.join(',')}`);
      return (await response.json()) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return null;
      throw error;
    }
  }

  private attempt(method: string, path: string, request: DataverseRequest, token: string): Promise<Response> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      'odata-version': '4.0',
      'odata-maxversion': '4.0',
      ...(request.body !== undefined && { 'content-type': 'application/json; charset=utf-8' }),
      ...request.headers,
    };
    const body = request.body !== undefined ? JSON.stringify(request.body) : request.text;
    const init: RequestInit = { method, headers, ...(body !== undefined && { body }) };
    return fetchWithRetry(`${this.apiUrl}/${path}`, init, this.retry);
  }
}

import { fetchWithRetry, type FetchWithRetryOptions } from '../http/fetchWithRetry.js';
import { HttpError } from '../http/HttpError.js';
import type { RetryPolicy, Sleep } from '../http/retryPolicy.js';

export interface OnlineFundraisingApiConfig {
  /** OF's API root including its version prefix, e.g. "https://<host>/api/v1". */
  baseUrl: string;
  apiKey: string;
  retryPolicy?: RetryPolicy;
  sleep?: Sleep;
  onRetry?: FetchWithRetryOptions['onRetry'];
}

const service = 'OnlineFundraising';

/**
 * Talks to OF's REST API with its API key. Throttling (429 + Retry-After), 5xx and timeouts are
 * retried by `fetchWithRetry`; whatever still fails becomes an `HttpError`.
 */
export class OnlineFundraisingApiClient {
  private readonly baseUrl: string;

  constructor(private readonly config: OnlineFundraisingApiConfig) {
    this.baseUrl = config.baseUrl.replace(/\/+$/, '');
  }

  /** GETs `<baseUrl>/<collection>/<id>`; null when OF answers 404. */
  async getById(collection: string, id: string): Promise<unknown> {
    return this.get(`${this.baseUrl}/${collection}/${encodeURIComponent(id)}`);
  }

  /** GETs a page of `<baseUrl>/<collection>?<query>` (OF's listing; see the simulator's README). */
  async list(collection: string, query: Record<string, string>): Promise<unknown> {
    const body = await this.get(`${this.baseUrl}/${collection}?${new URLSearchParams(query)}`);
    if (body === null) throw new HttpError(service, 404, `no collection ${collection}`);
    return body;
  }

  /**
   * POSTs `body` as JSON to `<baseUrl>/<path>`; null when OF answers 404. Retried like a read, so
   * only for requests OF carries out once however often they arrive (such as a contact merge).
   */
  async post(path: string, body: unknown): Promise<unknown> {
    return this.send(`${this.baseUrl}/${path}`, {
      method: 'POST',
      headers: { ...this.headers(), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /**
   * PATCHes `body` as JSON to `<baseUrl>/<path>`, with extra `headers` such as `If-Match`; null when
   * OF answers 404. Retried like a read, so only for changes that set fields to given values (doing
   * one twice leaves what doing it once does), such as a contact update.
   */
  async patch(path: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
    const allHeaders = new Headers(headers);
    for (const [name, value] of Object.entries({ ...this.headers(), 'content-type': 'application/json' })) allHeaders.set(name, value);
    return this.send(`${this.baseUrl}/${path}`, { method: 'PATCH', headers: allHeaders, body: JSON.stringify(body) });
  }

  private async get(url: string): Promise<unknown> {
    return this.send(url, { method: 'GET', headers: this.headers() });
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.config.apiKey}`, accept: 'application/json' };
  }

  private async send(url: string, init: RequestInit): Promise<unknown> {
    const response = await fetchWithRetry(url, init, { ...optionalRetryOptions(this.config) });
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) throw await HttpError.fromResponse(service, response);
    return response.json();
  }
}

function optionalRetryOptions(config: OnlineFundraisingApiConfig): FetchWithRetryOptions {
  return {
    ...(config.retryPolicy && { policy: config.retryPolicy }),
    ...(config.sleep && { sleep: config.sleep }),
    ...(config.onRetry && { onRetry: config.onRetry }),
  };
}

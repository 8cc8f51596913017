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
 * Reads from OF's REST API with its API key. Throttling (429 + Retry-After), 5xx and timeouts are
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

  private async get(url: string): Promise<unknown> {
    const response = await fetchWithRetry(
      url,
      { method: 'GET', headers: { authorization: `Bearer ${this.config.apiKey}`, accept: 'application/json' } },
      { ...optionalRetryOptions(this.config) },
    );
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

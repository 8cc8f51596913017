import { type FetchWithRetryOptions, parseRetryAfter } from './fetchWithRetry.js';
import { defaultRetryPolicy, realSleep } from './retryPolicy.js';

/**
 * `fetch` for a request that must not be sent twice once the server may have acted on it, such as
 * a POST that creates a record: only 429 is repeated (the server refused it without doing anything),
 * waiting as Retry-After says (exponential back-off without one), up to `policy.maxAttempts`. A
 * Retry-After beyond `policy.maxRetryAfterMs` is not waited out. 5xx answers are returned and network
 * errors and timeouts thrown at once: the server may have carried the request out.
 */
export async function fetchRetryingThrottling(url: string, init: RequestInit, options: FetchWithRetryOptions = {}): Promise<Response> {
  const policy = options.policy ?? defaultRetryPolicy;
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(policy.timeoutMs) });
    if (response.status !== 429 || attempt >= policy.maxAttempts) return response;
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) return response;
    const waitMs = retryAfterMs ?? Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    await response.body?.cancel();
    options.onRetry?.({ attempt, waitMs, reason: 'HTTP 429' });
    await sleep(waitMs);
  }
}

import { type RetryPolicy, type Sleep, defaultRetryPolicy, realSleep } from './retryPolicy.js';

export interface FetchWithRetryOptions {
  policy?: RetryPolicy;
  sleep?: Sleep;
  /** Called before each wait, so adapters can log throttling. */
  onRetry?: (info: { attempt: number; waitMs: number; reason: string }) => void;
}

const retryableStatuses = new Set([429, 500, 502, 503, 504]);

/**
 * `fetch` that retries what is safe to retry: 429 (waiting as long as Retry-After says), 5xx and
 * network errors/timeouts (exponential back-off with jitter). Only use it for idempotent requests
 * (GET, PUT, PATCH-as-upsert, DELETE). After the last attempt the last response is returned, or the
 * last network error thrown, for the adapter to turn into its own error.
 */
export async function fetchWithRetry(
  url: string,
  init: RequestInit,
  options: FetchWithRetryOptions = {},
): Promise<Response> {
  const policy = options.policy ?? defaultRetryPolicy;
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    const isLast = attempt >= policy.maxAttempts;
    let outcome: Response | Error;
    try {
      outcome = await fetch(url, { ...init, signal: AbortSignal.timeout(policy.timeoutMs) });
    } catch (error) {
      outcome = error instanceof Error ? error : new Error(String(error));
    }
    if (outcome instanceof Response && !retryableStatuses.has(outcome.status)) return outcome;
    if (isLast) {
      if (outcome instanceof Response) return outcome;
      throw outcome;
    }
    const waitMs = waitBeforeRetry(outcome, attempt, policy);
    if (waitMs === undefined) return outcome as Response;
    if (outcome instanceof Response) await outcome.body?.cancel();
    options.onRetry?.({ attempt, waitMs, reason: describe(outcome) });
    await sleep(waitMs);
  }
}

function waitBeforeRetry(outcome: Response | Error, attempt: number, policy: RetryPolicy): number | undefined {
  if (outcome instanceof Response && outcome.status === 429) {
    const retryAfterMs = parseRetryAfter(outcome.headers.get('retry-after'));
    if (retryAfterMs !== undefined) return retryAfterMs <= policy.maxRetryAfterMs ? retryAfterMs : undefined;
  }
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + (Math.random() * exponential) / 2);
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now: Date = new Date()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}

function describe(outcome: Response | Error): string {
  return outcome instanceof Response ? `HTTP ${outcome.status}` : outcome.message;
}

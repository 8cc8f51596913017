/** How an outbound HTTP call is retried on throttling (429), server errors (5xx) and timeouts. */
export interface RetryPolicy {
  /** Total attempts, the first included. */
  maxAttempts: number;
  /** First back-off for 5xx and network errors; doubles each attempt (with jitter). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A single attempt is abandoned after this long. */
  timeoutMs: number;
  /** A Retry-After longer than this is not waited out in-process; the call fails and the queue retries later. */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  timeoutMs: 15_000,
  maxRetryAfterMs: 60_000,
};

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

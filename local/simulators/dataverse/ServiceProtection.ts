import { type ApiResponse, errorCodes, errorResponse } from './ApiResponse.js';

export interface ThrottleLimit {
  maxRequests: number;
  windowMs: number;
}

/** The response header in which Dataverse reports how many requests are left in the window (on every API answer). */
export const remainingRequestsHeader = 'x-ms-ratelimit-burst-remaining-xrm-requests';

/** Dataverse's per-user limit on the number of requests: 6000 in a sliding window of 300 seconds. */
export const dataverseRequestLimit: ThrottleLimit = { maxRequests: 6000, windowMs: 300_000 };

/**
 * Dataverse's service protection "number of requests" limit over a sliding window. A request past
 * the limit answers 429 with `Retry-After` (seconds until the oldest counted request leaves the
 * window) and is not counted itself. The simulator applies one limit to all callers, since it
 * accepts one application user.
 */
export class ServiceProtection {
  private arrivals: number[] = [];

  constructor(private limit: ThrottleLimit) {}

  /** Counts the request and returns undefined, or returns the 429 to answer with. */
  admit(nowMs: number): ApiResponse | undefined {
    this.arrivals = this.arrivals.filter((arrival) => arrival > nowMs - this.limit.windowMs);
    if (this.arrivals.length >= this.limit.maxRequests) {
      const oldest = this.arrivals[0] ?? nowMs;
      const retryAfterSeconds = Math.max(1, Math.ceil((oldest + this.limit.windowMs - nowMs) / 1000));
      return errorResponse(
        429,
        errorCodes.requestsExceededLimit,
        `Number of requests exceeded the limit of ${this.limit.maxRequests} over time window of ${Math.round(this.limit.windowMs / 1000)} seconds.`,
        { 'Retry-After': String(retryAfterSeconds), [remainingRequestsHeader]: '0' },
      );
    }
    this.arrivals.push(nowMs);
    return undefined;
  }

  /** What is left of the limit, as Dataverse reports it in `remainingRequestsHeader`. */
  remaining(): number {
    return Math.max(0, this.limit.maxRequests - this.arrivals.length);
  }

  setLimit(limit: ThrottleLimit): void {
    this.limit = limit;
    this.arrivals = [];
  }

  reset(): void {
    this.arrivals = [];
  }
}

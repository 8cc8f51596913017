import { bcErrorCodes, bcErrorResponse } from './bcError.js';

/** BC online's OData limits per environment (see README.md); all of them can be changed. */
export interface RequestLimits {
  /** Requests per minute over a sliding window; BC allows 300 in a sandbox, 600 in production. */
  requestsPerMinute: number;
  /** Requests processed at the same time; more wait in a queue. BC: 5. */
  maxConcurrentRequests: number;
  /** Requests processed or waiting; one more is refused with 429. BC: 100. */
  maxConnections: number;
}

/** A sandbox environment's limits: the simulator's defaults. */
export const sandboxLimits: RequestLimits = { requestsPerMinute: 300, maxConcurrentRequests: 5, maxConnections: 100 };

const windowMs = 60_000;

/**
 * Admits API requests as BC does: over the rate, or with the queue full, the answer is 429
 * `Application_TooManyRequests` with `Retry-After`; otherwise at most `maxConcurrentRequests` run at
 * once and the rest wait their turn. A refused request is not counted.
 */
export class RequestLimiter {
  private arrivals: number[] = [];
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private limits: RequestLimits,
    private readonly nowMs: () => number,
  ) {}

  /** Resolves with `release` (call it when the request is answered) once it may run, or with the 429. */
  async enter(): Promise<{ release: () => void } | Response> {
    const now = this.nowMs();
    this.arrivals = this.arrivals.filter((arrival) => arrival > now - windowMs);
    if (this.arrivals.length >= this.limits.requestsPerMinute) {
      const retryAfterSeconds = Math.max(1, Math.ceil(((this.arrivals[0] ?? now) + windowMs - now) / 1000));
      return tooManyRequests(this.arrivals.length + 1, this.limits.requestsPerMinute, retryAfterSeconds);
    }
    const inFlight = this.running + this.queue.length;
    if (inFlight >= this.limits.maxConnections) return tooManyRequests(inFlight + 1, this.limits.maxConnections, 1);
    this.arrivals.push(now);
    if (this.running >= this.limits.maxConcurrentRequests) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.running++;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        const next = this.queue.shift();
        if (next) next();
        else this.running--;
      },
    };
  }

  current(): RequestLimits {
    return { ...this.limits };
  }

  setLimits(limits: RequestLimits): void {
    this.limits = limits;
    this.arrivals = [];
  }

  reset(): void {
    this.arrivals = [];
  }
}

function tooManyRequests(actual: number, maximum: number, retryAfterSeconds: number): Response {
  return bcErrorResponse(429, bcErrorCodes.tooManyRequests, `Too many requests reached. Actual (${actual}). Maximum (${maximum}).`, {
    'retry-after': String(retryAfterSeconds),
  });
}

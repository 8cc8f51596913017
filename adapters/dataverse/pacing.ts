/** How the writer paces itself by Dataverse's count of requests left in the service-protection window. */
export interface PacingPolicy {
  /**
   * At or below this many requests left (`x-ms-ratelimit-burst-remaining-xrm-requests`), wait
   * before the next request. It leaves room for the engine's other calls as the same user.
   */
  reserve: number;
  /** The sliding window of Dataverse's number-of-requests limit (300 s). */
  windowMs: number;
  /** Added to every pause, against rounding and clock differences. */
  marginMs: number;
  /** The longest pause waited; after it the request goes anyway, and a 429's Retry-After decides. */
  maxPauseMs: number;
}

export const defaultPacingPolicy: PacingPolicy = { reserve: 20, windowMs: 300_000, marginMs: 1_000, maxPauseMs: 60_000 };

/** The response header in which Dataverse reports the requests left in the window. */
export const remainingRequestsHeader = 'x-ms-ratelimit-burst-remaining-xrm-requests';

/**
 * [NFR-Throttle] Waits for room in Dataverse's request window instead of provoking a 429. It
 * remembers when its own recent requests were answered. When an answer says that no more than
 * `reserve` requests are left, the next request waits until enough of its own requests have left
 * the window to be above the reserve again (a request leaves the window `windowMs` after it was
 * counted, and it was counted before its answer arrived). When its own requests cannot explain the
 * shortage (other callers used the limit), it waits `maxPauseMs`. Without the header it never waits.
 */
export class RequestPacer {
  private remaining: number | undefined;
  /** Instants (ms) our requests were answered, oldest first, as of the last answer. */
  private answeredAt: number[] = [];

  constructor(private readonly policy: PacingPolicy) {}

  /** An answer arrived at `atMs` with this many requests left (undefined when it did not say). */
  observe(remaining: number | undefined, atMs: number): void {
    this.remaining = remaining;
    this.answeredAt = [...this.answeredAt.filter((at) => at > atMs - this.policy.windowMs), atMs];
  }

  /** How long to wait before the next request. */
  pauseMs(nowMs: number): number {
    const { reserve, windowMs, marginMs, maxPauseMs } = this.policy;
    if (this.remaining === undefined || this.remaining > reserve) return 0;
    // The oldest leave the window first; once this one has left, more than `reserve` are left.
    const freeing = this.answeredAt[reserve - this.remaining];
    const pause = freeing === undefined ? maxPauseMs : freeing + windowMs + marginMs - nowMs;
    return Math.min(maxPauseMs, Math.max(0, pause));
  }
}

/** The header's value as a number; undefined when it is missing or not a count. */
export function remainingRequests(headers: Headers): number | undefined {
  const value = headers.get(remainingRequestsHeader)?.trim();
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * HeroBase's rate limit as assumed: so many requests per API key in each whole second; one more is
 * answered 429 with `Retry-After: 1`. A refused request does not count.
 */
export class RateLimit {
  private second = -1;
  private used = 0;

  constructor(
    public requestsPerSecond: number,
    private readonly nowMs: () => number,
  ) {}

  /** Whether a request may go now (and counts it). */
  admit(): boolean {
    const second = Math.floor(this.nowMs() / 1000);
    if (second !== this.second) {
      this.second = second;
      this.used = 0;
    }
    if (this.used >= this.requestsPerSecond) return false;
    this.used += 1;
    return true;
  }
}

export interface LoggedRequest {
  method: string;
  /** Decoded path, e.g. "/api/data/v9.2/contacts(…)" or "/<tenant>/oauth2/v2.0/token". */
  path: string;
  /** The query string without "?", empty when there is none. */
  query: string;
  status: number;
  /** Instant (UTC, ISO 8601 with milliseconds) the request arrived, by the simulator's clock. */
  at: string;
}

/** Every request the simulator answered (token and API, not /_sim/), oldest first, for tests to assert on. */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
  }

  all(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}

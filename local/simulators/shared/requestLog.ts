export interface LoggedRequest {
  method: string;
  /** Decoded path, e.g. "/api/data/v9.2/contacts(…)" or "/api/v1/contacts/42". */
  path: string;
  /** The query string without "?", empty when there is none. */
  query: string;
  status: number;
  /** Instant (UTC, ISO 8601 with milliseconds) the request arrived, by the simulator's clock. */
  at: string;
}

/** Every request a simulator answered (not its /_sim/ control routes), oldest first, for tests to assert on. */
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

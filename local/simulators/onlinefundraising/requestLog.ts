export interface LoggedRequest {
  method: string;
  path: string;
  /** The query string without "?", empty when there is none. */
  query: string;
  status: number;
  /** Instant (UTC) the request arrived, by the simulator's clock. */
  at: string;
}

/** Every API request the simulator answered, oldest first, for tests to assert on. */
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

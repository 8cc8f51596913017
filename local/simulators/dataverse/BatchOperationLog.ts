import type { ExecutedOperation } from './batch.js';

/** One operation run inside a `$batch`, for tests to count what a batch carried. */
export interface LoggedBatchOperation extends ExecutedOperation {
  /** Which `$batch` it came in: 1 for the first batch that ran operations since the log was last cleared, and so on. */
  batch: number;
  /** Instant (UTC, ISO 8601 with milliseconds) the batch ran, by the simulator's clock. */
  at: string;
}

/**
 * The operations of every executed `$batch`, oldest first. The request log has one entry per
 * `$batch` (one HTTP request, counted once by service protection); this log has one per operation
 * inside it. A batch refused as a whole (throttled, failed by a fault rule, malformed) adds none.
 */
export class BatchOperationLog {
  private entries: LoggedBatchOperation[] = [];
  private batches = 0;

  add(at: string, operations: ExecutedOperation[]): void {
    if (operations.length === 0) return;
    this.batches++;
    for (const operation of operations) this.entries.push({ batch: this.batches, at, ...operation });
  }

  all(): LoggedBatchOperation[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
    this.batches = 0;
  }
}

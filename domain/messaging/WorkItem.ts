/** A unit of work put on a queue. `messageId` stays the same across retries and replays. */
export interface WorkItem<T = unknown> {
  messageId: string;
  kind: string;
  body: T;
  /** Instant (UTC, ISO 8601). */
  enqueuedAt: string;
}

/** Port: a queue of work items, processed later by a queue-triggered handler. */
export interface WorkQueue {
  enqueue(item: WorkItem): Promise<void>;
}

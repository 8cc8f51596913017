/** A unit of work put on a queue. `messageId` stays the same across retries and replays. */
export interface WorkItem<T = unknown> {
  messageId: string;
  kind: string;
  body: T;
  /** Instant (UTC, ISO 8601). */
  enqueuedAt: string;
  /** The piece of work this item belongs to, from the webhook or request that started it ([NFR-Observability]). */
  correlationId?: string;
  /** What the work is about (e.g. `of:contact:123`): a failure is remembered under it. */
  subject?: string;
  /** Set by a reconciliation that re-queues missed work: its success closes the failures about the same subject. */
  repairs?: boolean;
}

/** Port: a queue of work items, processed later by a queue-triggered handler. */
export interface WorkQueue {
  /** `delaySeconds`: the item stays invisible that long (a retry with backoff). */
  enqueue(item: WorkItem, options?: { delaySeconds?: number }): Promise<void>;
}

/**
 * A queue message that failed. While the queue still retries it, it is `retrying`; once it landed
 * in the poison queue it is `dead` and waits for someone to fix the cause and replay it. A replayed
 * message that then succeeds is `resolved`. Instants are UTC, ISO 8601.
 */
export interface DeadLetter {
  /** The message's own id (stable across retries and replays). */
  id: string;
  /** The queue the message belongs to (not its poison queue). */
  queue: string;
  /** What the work was about (e.g. `of:contact:123`), when the message says. */
  subject?: string;
  /** The message exactly as it was enqueued, so a replay sends the same thing. */
  message: string;
  status: 'retrying' | 'dead' | 'replayed' | 'resolved';
  /** Failed attempts so far, over all deliveries and replays. */
  failures: number;
  lastError: string;
  firstFailedAt: string;
  lastFailedAt: string;
  deadAt?: string;
  replayedAt?: string;
  resolvedAt?: string;
}

export type DeadLetterStatus = DeadLetter['status'];

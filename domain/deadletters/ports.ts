import type { Versioned } from '../person/ports.js';
import type { DeadLetter } from './DeadLetter.js';

export interface FailedAttempt {
  messageId: string;
  queue: string;
  subject?: string;
  message: string;
  error: string;
  at: string;
}

export interface DeadLetterPage {
  items: DeadLetter[];
  /** Pass back to get the next page; absent on the last page. */
  continuationToken?: string;
}

/** Port: where failed messages are remembered, so nothing is silently dropped. */
export interface DeadLetterStore {
  get(id: string): Promise<Versioned<DeadLetter> | null>;
  /** Without `etag` only creates ('stale' if it exists); with `etag` replaces only if unchanged since. */
  save(letter: DeadLetter, etag?: string): Promise<'saved' | 'stale'>;
  countByStatus(status: DeadLetter['status']): Promise<number>;
  /** The ids of the letters about `subject` still open (retrying or dead). */
  openAbout(subject: string): Promise<string[]>;
  listByStatus(status: DeadLetter['status'], page: { pageSize: number; continuationToken?: string }): Promise<DeadLetterPage>;
}

/** Port: puts a message text on a named queue. */
export interface MessageQueue {
  send(queue: string, message: string): Promise<void>;
}

import { nextRetryDelay } from '../shared/backoff.js';
import type { WorkItem } from './WorkItem.js';

/**
 * [NFR-Faults] How queue work that fails is tried again: put back on its queue, invisible for a
 * growing delay (30 s, 1, 2, 5, 10, 20 minutes, then every 30 minutes), for as long as it has been
 * failing less than `giveUpAfterMs` (6 hours on the engine's clock). An outage of OF, Dataverse,
 * Drupal or ACS thus delays work; only work still failing after that goes to the poison queue.
 */
export interface QueueRetryPolicy {
  delaysSeconds: number[];
  giveUpAfterMs: number;
}

export const queueRetryPolicy: QueueRetryPolicy = {
  delaysSeconds: [30, 60, 120, 300, 600, 1200, 1800],
  giveUpAfterMs: 6 * 60 * 60_000,
};

/** A work item as it goes round again: its attempt number and since when it has been failing. */
export type RetriedWorkItem = WorkItem & { attempt?: number; firstFailedAt?: string };

export type RetryDecision = { retry: true; item: RetriedWorkItem; delaySeconds: number } | { retry: false; firstFailedAt: string };

/** What to do with a work item whose processing just failed at `now`. */
export function retryDecision(item: RetriedWorkItem, now: Date, policy: QueueRetryPolicy = queueRetryPolicy): RetryDecision {
  const firstFailedAt = item.firstFailedAt ?? now.toISOString();
  const attempt = item.attempt ?? 1;
  const delaySeconds = nextRetryDelay({ delays: policy.delaysSeconds, giveUpAfterMs: policy.giveUpAfterMs }, firstFailedAt, attempt - 1, now);
  if (delaySeconds === undefined) return { retry: false, firstFailedAt };
  return { retry: true, item: { ...item, attempt: attempt + 1, firstFailedAt }, delaySeconds };
}

/** Whether the item is a retry or a replay of work that failed before (so a success closes its letter). */
export function hasFailedBefore(item: unknown): boolean {
  const candidate = item as { attempt?: unknown; replayed?: unknown } | null;
  return (typeof candidate?.attempt === 'number' && candidate.attempt > 1) || candidate?.replayed === true;
}

export function isWorkItem(message: unknown): message is RetriedWorkItem {
  const candidate = message as Partial<WorkItem> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.messageId === 'string' && typeof candidate.kind === 'string';
}

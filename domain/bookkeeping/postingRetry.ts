import { nextRetryDelay } from '../shared/backoff.js';
import type { PostingRun } from './PostingRun.js';

/**
 * [Bogføring][NFR-Faults] How a failed posting run is resumed: after 1, 2, 4, 8, 15 and then every
 * 30 minutes, for as long as it has been failing less than `giveUpAfterMs` (6 hours). Business
 * Central being down for a while (503, 429, timeouts) thus delays a run, and only a run still failing
 * after that is left for finance, with the alert.
 */
export const postingRetryPolicy = {
  delaysMinutes: [1, 2, 4, 8, 15, 30],
  giveUpAfterMs: 6 * 60 * 60_000,
};

export type PostingRetry = Pick<PostingRun, 'failingSince' | 'autoResumes' | 'nextAttemptAt'>;

/** The retry fields of a run that just failed at `now`: when to resume it, or none once it has failed for too long. */
export function retryAfterFailure(run: PostingRun, now: Date, policy = postingRetryPolicy): PostingRetry {
  const failingSince = run.failingSince ?? now.toISOString();
  const autoResumes = run.autoResumes ?? 0;
  const delayMinutes = nextRetryDelay({ delays: policy.delaysMinutes, giveUpAfterMs: policy.giveUpAfterMs }, failingSince, autoResumes, now);
  if (delayMinutes === undefined) return { failingSince, autoResumes };
  return { failingSince, autoResumes, nextAttemptAt: new Date(now.getTime() + delayMinutes * 60_000).toISOString() };
}

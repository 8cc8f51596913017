import { describe, expect, it } from 'vitest';
import { nextRetryDelay } from './backoff.js';

describe('nextRetryDelay', () => {
  const policy = { delays: [1, 2, 4], giveUpAfterMs: 60 * 60_000 };
  const since = '2026-11-25T10:00:00.000Z';

  it('[NFR-Faults] waits longer each retry, repeating the last delay, and gives up once the work has failed for the whole window', () => {
    expect([0, 1, 2, 3, 7].map((retries) => nextRetryDelay(policy, since, retries, new Date('2026-11-25T10:30:00Z')))).toEqual([1, 2, 4, 4, 4]);
    expect(nextRetryDelay(policy, since, 3, new Date('2026-11-25T10:59:59Z'))).toBe(4);
    expect(nextRetryDelay(policy, since, 3, new Date('2026-11-25T11:00:00Z'))).toBeUndefined();
  });
});

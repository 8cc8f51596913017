/**
 * [NFR-Faults] The one backoff rule of the engine's retries: the n-th retry waits `delays[n]` (the
 * last delay repeating), and work that has been failing for `giveUpAfterMs` is given up. Time is
 * the engine's clock, so tests move it rather than wait. Answers the delay (in the unit of
 * `delays`), or undefined to give up.
 */
export function nextRetryDelay(policy: { delays: readonly number[]; giveUpAfterMs: number }, failingSince: string, retriesSoFar: number, now: Date): number | undefined {
  if (now.getTime() - Date.parse(failingSince) >= policy.giveUpAfterMs) return undefined;
  return policy.delays[Math.min(retriesSoFar, policy.delays.length - 1)];
}

import type { Clock } from '../../domain/shared/Clock.js';
import { systemClock } from './systemClock.js';

export interface SettableClock extends Clock {
  /** From now on the clock reads this instant and runs on from there. */
  set(instant: string | Date): void;
  /** Moves the clock forward (a test waiting out an outage without waiting). */
  advance(ms: number): void;
}

/**
 * A clock that starts at a chosen instant and runs at real speed from there. The local stack and the
 * tests run on one, so business dates (a refund's day, a posting period, a tax year) are the test's
 * choice and never the machine's date.
 */
export function settableClock(start: string | Date, realClock: Clock = systemClock): SettableClock {
  let offsetMs = 0;
  const set = (instant: string | Date) => {
    offsetMs = new Date(instant).getTime() - realClock.now().getTime();
  };
  set(start);
  return {
    now: () => new Date(realClock.now().getTime() + offsetMs),
    set,
    advance: (ms) => {
      offsetMs += ms;
    },
  };
}

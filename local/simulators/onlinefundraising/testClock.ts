import type { Clock } from '../../../domain/shared/Clock.js';

/** Test support: a clock that stands still until moved. */
export function testClock(start: string): Clock & { set(instant: string): void; advance(ms: number): void } {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (instant) => {
      now = new Date(instant);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

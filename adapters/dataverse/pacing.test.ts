import { describe, expect, it } from 'vitest';
import { RequestPacer, remainingRequests } from './pacing.js';

const policy = { reserve: 0, windowMs: 2_000, marginMs: 50, maxPauseMs: 60_000 };

function pacerAfter(answers: [remaining: number | undefined, atMs: number][], overrides: Partial<typeof policy> = {}): RequestPacer {
  const pacer = new RequestPacer({ ...policy, ...overrides });
  for (const [remaining, atMs] of answers) pacer.observe(remaining, atMs);
  return pacer;
}

describe('[NFR-Throttle] RequestPacer', () => {
  it('does not wait while requests are left above the reserve, or when Dataverse does not say', () => {
    expect(new RequestPacer(policy).pauseMs(0)).toBe(0);
    expect(pacerAfter([[4, 1_000], [1, 1_100]]).pauseMs(1_100)).toBe(0);
    expect(pacerAfter([[0, 1_000], [undefined, 1_100]]).pauseMs(1_100)).toBe(0);
  });

  it('with none left, waits until its oldest request in the window has left it', () => {
    const pacer = pacerAfter([[4, 1_000], [3, 1_100], [2, 1_200], [1, 1_300], [0, 1_400]]);

    expect(pacer.pauseMs(1_400)).toBe(1_000 + 2_000 + 50 - 1_400);
    expect(pacer.pauseMs(3_050)).toBe(0);
  });

  it('forgets requests that have left the window, so the next one to leave decides', () => {
    const pacer = pacerAfter([[4, 1_000], [3, 1_100], [2, 1_200], [1, 1_300], [0, 1_400], [0, 3_100]]);

    expect(pacer.pauseMs(3_100)).toBe(1_200 + 2_000 + 50 - 3_100);
  });

  it('keeps a reserve: at or below it, waits until enough have left to be above it again', () => {
    const answers: [number, number][] = [[9, 0], [8, 10], [7, 20], [6, 30], [5, 40]];

    expect(pacerAfter(answers, { reserve: 4 }).pauseMs(40)).toBe(0);
    expect(pacerAfter(answers, { reserve: 5 }).pauseMs(40)).toBe(0 + 2_000 + 50 - 40);
    expect(pacerAfter(answers, { reserve: 6 }).pauseMs(40)).toBe(10 + 2_000 + 50 - 40);
  });

  it('waits at most maxPauseMs, also when its own requests cannot explain the shortage', () => {
    expect(pacerAfter([[0, 1_000]], { windowMs: 300_000 }).pauseMs(1_000)).toBe(60_000);
    expect(pacerAfter([[3, 1_000]], { reserve: 5 }).pauseMs(1_000)).toBe(60_000);
  });
});

describe('remainingRequests', () => {
  it("reads Dataverse's x-ms-ratelimit-burst-remaining-xrm-requests header", () => {
    expect(remainingRequests(new Headers({ 'x-ms-ratelimit-burst-remaining-xrm-requests': '5999' }))).toBe(5999);
    expect(remainingRequests(new Headers({ 'x-ms-ratelimit-burst-remaining-xrm-requests': 'many' }))).toBeUndefined();
    expect(remainingRequests(new Headers())).toBeUndefined();
  });
});

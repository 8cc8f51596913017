import { describe, expect, it } from 'vitest';
import { startOfCopenhagenDay } from './startOfCopenhagenDay.js';

describe('the start of a Danish business day', () => {
  it('[OnlineFundraising9] is 23:00 UTC the day before in winter and 22:00 UTC in summer', () => {
    expect(startOfCopenhagenDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfCopenhagenDay('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('[OnlineFundraising9] on the days the clocks change, midnight still has the offset of the night before', () => {
    expect(startOfCopenhagenDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfCopenhagenDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });
});

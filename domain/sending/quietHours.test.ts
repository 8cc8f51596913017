import { describe, expect, it } from 'vitest';
import { smsMayGoAt } from './quietHours.js';

const quiet = { from: '21:00', until: '09:00' };

describe('smsMayGoAt', () => {
  it('[CampaignAutomation10] an SMS due at 23:00 Danish time waits until 09:00 the next morning', () => {
    expect(smsMayGoAt(new Date('2025-03-10T22:00:00Z'), quiet).toISOString()).toBe('2025-03-11T08:00:00.000Z');
  });

  it('[CampaignAutomation10] an SMS due at 06:30 waits until 09:00 the same morning, in summer time too', () => {
    expect(smsMayGoAt(new Date('2025-07-10T04:30:00Z'), quiet).toISOString()).toBe('2025-07-10T07:00:00.000Z');
  });

  it('[CampaignAutomation10] an SMS due in the day goes at once, up to the minute before the quiet hours', () => {
    const afternoon = new Date('2025-03-10T19:59:00Z');
    expect(smsMayGoAt(afternoon, quiet)).toBe(afternoon);
    expect(smsMayGoAt(new Date('2025-03-10T20:00:00Z'), quiet).toISOString()).toBe('2025-03-11T08:00:00.000Z');
  });

  it('[CampaignAutomation10] the night the clocks go forward still ends at 09:00 Danish time', () => {
    expect(smsMayGoAt(new Date('2025-03-29T23:30:00Z'), quiet).toISOString()).toBe('2025-03-30T07:00:00.000Z');
  });

  it('quiet hours within one day (12:00–13:00) hold back only that hour', () => {
    const lunch = { from: '12:00', until: '13:00' };
    expect(smsMayGoAt(new Date('2025-03-10T11:30:00Z'), lunch).toISOString()).toBe('2025-03-10T12:00:00.000Z');
    const morning = new Date('2025-03-10T09:00:00Z');
    expect(smsMayGoAt(morning, lunch)).toBe(morning);
  });
});

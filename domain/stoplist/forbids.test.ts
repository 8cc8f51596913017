import { describe, expect, it } from 'vitest';
import { forbids } from './forbids.js';

describe('forbids', () => {
  it('[StopList] an SMS-only entry forbids SMS and nothing else: not calls', () => {
    const smsOnly = { sms: true, telemarketing: false };
    expect(forbids(smsOnly, 'sms')).toBe(true);
    expect(forbids(smsOnly, 'telemarketing')).toBe(false);
    expect(forbids(smsOnly, 'any')).toBe(true);
  });

  it('[StopList] a telemarketing-only entry forbids calls, not SMS', () => {
    const callsOnly = { sms: false, telemarketing: true };
    expect(forbids(callsOnly, 'sms')).toBe(false);
    expect(forbids(callsOnly, 'telemarketing')).toBe(true);
  });

  it('[StopList] an entry from before flags were required, with neither flag, is read as the stop file\'s "never by SMS or telemarketing"', () => {
    const legacy = { sms: false, telemarketing: false };
    expect(forbids(legacy, 'sms')).toBe(true);
    expect(forbids(legacy, 'telemarketing')).toBe(true);
  });
});

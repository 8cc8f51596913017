import { describe, expect, it } from 'vitest';
import { forbids } from './forbids.js';

describe('forbids', () => {
  it('[StopList] an SMS-only entry forbids SMS and segments, not calls', () => {
    const smsOnly = { sms: true, telemarketing: false };
    expect(forbids(smsOnly, 'sms')).toBe(true);
    expect(forbids(smsOnly, 'telemarketing')).toBe(false);
    expect(forbids(smsOnly, 'any')).toBe(true);
  });

  it('[StopList] a telemarketing-only entry forbids calls and segments, not SMS', () => {
    const callsOnly = { sms: false, telemarketing: true };
    expect(forbids(callsOnly, 'sms')).toBe(false);
    expect(forbids(callsOnly, 'telemarketing')).toBe(true);
    expect(forbids(callsOnly, 'any')).toBe(true);
  });

  it('[StopList] an entry with neither flag means never contact at all: it forbids every purpose', () => {
    const never = { sms: false, telemarketing: false };
    expect(forbids(never, 'sms')).toBe(true);
    expect(forbids(never, 'telemarketing')).toBe(true);
    expect(forbids(never, 'any')).toBe(true);
  });
});

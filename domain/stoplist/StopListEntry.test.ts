import { describe, expect, it } from 'vitest';
import { contactProblems, normaliseEmail, normalisedContactPoints, normalisePhone } from './StopListEntry.js';

describe('stop-list normalisation', () => {
  it('[StopList] stores emails trimmed and lower-cased, and phones in E.164 however they were typed', () => {
    expect(normaliseEmail('  Anne.Berg@Example.DK ')).toBe('anne.berg@example.dk');
    expect(normalisePhone('22 33 44 55')).toBe('+4522334455');
    expect(normalisePhone('0045 2233 4455')).toBe('+4522334455');
  });

  it('[StopList] text that is no email or phone number is not normalised into one', () => {
    expect(normaliseEmail('anne at example.dk')).toBeUndefined();
    expect(normalisePhone('ring mig')).toBeUndefined();
  });

  it('[StopList] a phone that is no valid number is a problem, not silently dropped', () => {
    expect(contactProblems({ phone: '1234', email: 'anne@example.dk' })).toEqual([{ field: 'phone', problem: 'phone is not a valid phone number' }]);
    expect(contactProblems({ email: 'anne(at)example.dk' })).toEqual([{ field: 'email', problem: 'email is not an email address' }]);
  });

  it('[StopList] a phone or an email is required; blank text does not count', () => {
    const neither = [
      { field: 'phone', problem: 'give a phone or an email' },
      { field: 'email', problem: 'give a phone or an email' },
    ];
    expect(contactProblems({})).toEqual(neither);
    expect(contactProblems({ phone: '  ', email: '' })).toEqual(neither);
    expect(contactProblems({ phone: '22334455' })).toEqual([]);
    expect(contactProblems({ email: 'anne@example.dk' })).toEqual([]);
  });

  it('[StopList] a contact to match is normalised, without duplicates or values no entry can hold', () => {
    expect(normalisedContactPoints({ phones: ['22 33 44 55', '+4522334455', 'unknown'], emails: ['Anne@Example.dk', 'anne@example.dk ', ''] })).toEqual({
      phones: ['+4522334455'],
      emails: ['anne@example.dk'],
    });
  });
});

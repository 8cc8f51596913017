import { describe, expect, it } from 'vitest';
import { toE164 } from './phoneNumber.js';

describe('toE164', () => {
  it('[OnlineFundraising1] reads Danish numbers typed with spaces or a country prefix', () => {
    expect(toE164('22 33 44 55')).toBe('+4522334455');
    expect(toE164('+45 20 30 40 50')).toBe('+4520304050');
    expect(toE164('0045 20304050')).toBe('+4520304050');
  });

  it('[OnlineFundraising1] reads foreign numbers with + or 00', () => {
    expect(toE164('+46 70 123 45 67')).toBe('+46701234567');
    expect(toE164('0046701234567')).toBe('+46701234567');
    expect(toE164('+49 30 901820')).toBe('+4930901820');
  });

  it('rejects text that is no valid number', () => {
    expect(toE164('1234')).toBeUndefined();
    expect(toE164('ring mig')).toBeUndefined();
    expect(toE164('')).toBeUndefined();
  });
});

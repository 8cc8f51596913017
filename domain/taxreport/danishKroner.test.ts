import { describe, expect, it } from 'vitest';
import { danishKroner } from './taxMailAudience.js';

describe('[Skatteindberetning] amounts in a tax mail', () => {
  it('[Skatteindberetning] are Danish kroner: thousands points, a decimal comma, øre only when there are some', () => {
    expect(danishKroner(0)).toBe('0');
    expect(danishKroner(5)).toBe('0,05');
    expect(danishKroner(29_000)).toBe('290');
    expect(danishKroner(1_800_000)).toBe('18.000');
    expect(danishKroner(2_512_550)).toBe('25.125,50');
    expect(danishKroner(12_345_678_900)).toBe('123.456.789');
    expect(danishKroner(-10_050)).toBe('-100,50');
  });
});

import { describe, expect, it } from 'vitest';
import { formatDanishAmount, parseDanishAmount } from './danishNumbers.js';

describe('parseDanishAmount', () => {
  it.each([
    ['1.234,50', 123450],
    ['1234,50', 123450],
    ['-250,00', -25000],
    ['250', 25000],
    ['1234.50', 123450],
    ['1234.5', 123450],
    ['0,05', 5],
    ['12,5', 1250],
    ['1.234.567,89', 123456789],
    ['1.234.567', 123456700],
    ['1 234,50', 123450],
    ['1\u00A0234,50', 123450],
    ['1\u202F234\u00A0567,00', 123456700],
    ['1 234.50', 123450],
    ['1.234,50 kr.', 123450],
    ['250 kr', 25000],
    ['250,00 DKK', 25000],
    ['DKK 250,00', 25000],
    ['kr. -250,00', -25000],
    ['-250,00 kr.', -25000],
    ['\u2212250,00', -25000],
    ['+250,00', 25000],
    ['-0,00', 0],
    ['  1234,50  ', 123450],
  ])('[BetalingUdenomOF] reads "%s" as %i øre', (text, ore) => {
    expect(parseDanishAmount(text)).toEqual({ ore });
  });

  it('[BetalingUdenomOF] refuses more than 2 decimals, with either decimal sign', () => {
    expect(parseDanishAmount('12,345')).toEqual({ problem: 'not an amount: "12,345" has more than 2 decimals' });
    expect(parseDanishAmount('1234.567')).toEqual({ problem: 'not an amount: "1234.567" has more than 2 decimals' });
    expect(parseDanishAmount('1.234,505')).toEqual({ problem: 'not an amount: "1.234,505" has more than 2 decimals' });
  });

  it('[BetalingUdenomOF] refuses "1.234" (1234 kr. in Danish, 1,234 kr. in English) rather than guessing', () => {
    const reading = parseDanishAmount('1.234');
    expect(reading).toHaveProperty('problem');
    expect('problem' in reading && reading.problem).toMatch(/^ambiguous amount: "1.234"/);
  });

  it.each(['12,3,4', '1,234.50', '1.234.50', '1.23.456', '12 34', '1.2345,00', '', 'kr.', 'abc', '12a', ',50', '.50', '--5', '1e3', '250,-', '1 234 5'])('[BetalingUdenomOF] refuses "%s"', (text) => {
    expect(parseDanishAmount(text)).toHaveProperty('problem');
  });

  it('names the text in the problem', () => {
    expect(parseDanishAmount('12,3,4')).toEqual({ problem: 'not an amount: "12,3,4"' });
  });

  it('refuses amounts too large to count in whole øre exactly', () => {
    expect(parseDanishAmount('99999999999999999,00')).toEqual({ problem: 'not an amount: "99999999999999999,00" is too large' });
  });
});

describe('formatDanishAmount', () => {
  it.each([
    [123450, '1234,50'],
    [-5000, '-50,00'],
    [0, '0,00'],
    [5, '0,05'],
    [-5, '-0,05'],
    [100, '1,00'],
    [123456789, '1234567,89'],
  ])('[Bogføring] writes %i øre as "%s": decimal comma, no thousands separator', (ore, text) => {
    expect(formatDanishAmount(ore)).toBe(text);
  });

  it('reads back what it writes', () => {
    for (const ore of [1, -1, 99, 100, 123450, -987654321]) expect(parseDanishAmount(formatDanishAmount(ore))).toEqual({ ore });
  });

  it('refuses a fraction of an øre', () => {
    expect(() => formatDanishAmount(12.5)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { formatDanishDate, parseDanishDate } from './danishDates.js';

describe('parseDanishDate', () => {
  it.each([
    ['15-03-2026', '2026-03-15'],
    ['15.03.2026', '2026-03-15'],
    ['15/03/2026', '2026-03-15'],
    ['2026-03-15', '2026-03-15'],
    ['5-3-2026', '2026-03-05'],
    [' 01-01-2026 ', '2026-01-01'],
    ['29-02-2024', '2024-02-29'],
    ['31-12-2026', '2026-12-31'],
    ['15-03-2026 10:00', '2026-03-15'],
    ['15.03.2026 kl. 14.22.05', '2026-03-15'],
  ])('[BetalingUdenomOF] reads "%s" as %s', (text, date) => {
    expect(parseDanishDate(text)).toEqual({ date });
  });

  it.each(['31-02-2026', '29-02-2026', '29-02-2100', '31-04-2026', '00-01-2026', '15-13-2026', '2026-02-30', '2026-00-10'])('[BetalingUdenomOF] refuses the impossible date "%s"', (text) => {
    expect(parseDanishDate(text)).toEqual({ problem: `no such date: "${text}"` });
  });

  it.each(['', '15-03-26', '15-03/2026', '2026/03/15', '03-15-2026x', '15 marts 2026', '2026-03-15T10:00:00Z', '15-03-2026 25', '20260315'])('refuses "%s", which is no date in an accepted form', (text) => {
    expect(parseDanishDate(text)).toEqual({ problem: `not a date: "${text}" (write dd-mm-yyyy or yyyy-mm-dd)` });
  });
});

describe('formatDanishDate', () => {
  it('[Bogføring] writes YYYY-MM-DD as dd-mm-yyyy', () => {
    expect(formatDanishDate('2026-03-05')).toBe('05-03-2026');
  });

  it('refuses what is not YYYY-MM-DD', () => {
    expect(() => formatDanishDate('05-03-2026')).toThrow(RangeError);
  });
});

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { PostingLine } from '../../domain/bookkeeping/PostingLine.js';
import { parseDanishAmount } from './danishNumbers.js';
import { postingLinesCsv } from './postingLinesCsv.js';

const line = (overrides: Partial<PostingLine>): PostingLine => ({
  id: 'line-1',
  runId: 'run-1',
  lineNumber: 1,
  postingDate: '2026-03-05',
  contraAccountNumber: '5820',
  contraAccountDescription: 'MobilePay',
  accountNumber: '1010',
  accountDescription: 'Gaver, øremærket',
  lumpSumOre: 123450,
  paymentCount: 3,
  ...overrides,
});

const lines: PostingLine[] = [
  line({ lineNumber: 1, project: 'P-200', budgetLine: 'BL-3' }),
  line({ id: 'line-2', lineNumber: 2, accountNumber: '1020', accountDescription: 'Medlemskab; kontingent "fast"', lumpSumOre: -5000 }),
  line({ id: 'line-3', lineNumber: 3, postingDate: '2026-12-31', accountNumber: '1030', accountDescription: 'Æbler & Ørreder', lumpSumOre: 123456789, project: 'P-7' }),
];

describe('postingLinesCsv', () => {
  it('[Bogføring] writes finance’s columns in order: a BOM, semicolons, CRLF, dd-mm-yyyy, decimal comma without thousands separator', () => {
    const text = postingLinesCsv(lines);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Betalingsdato;Konto;Klumpsum;Kontobeskrivelse;Sag;Sagsopgave;Modkonto',
      '05-03-2026;1010;1234,50;Gaver, øremærket;P-200;BL-3;5820',
      '05-03-2026;1020;-50,00;"Medlemskab; kontingent ""fast""";;;5820',
      '31-12-2026;1030;1234567,89;Æbler & Ørreder;P-7;;5820',
      '',
    ]);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('[Bogføring] parses back with csv-parse to the same fields, and the lump sums add up to the same total', () => {
    const text = postingLinesCsv(lines);
    const records = parse(text, { bom: true, delimiter: ';', columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(records).toEqual([
      { Betalingsdato: '05-03-2026', Konto: '1010', Klumpsum: '1234,50', Kontobeskrivelse: 'Gaver, øremærket', Sag: 'P-200', Sagsopgave: 'BL-3', Modkonto: '5820' },
      { Betalingsdato: '05-03-2026', Konto: '1020', Klumpsum: '-50,00', Kontobeskrivelse: 'Medlemskab; kontingent "fast"', Sag: '', Sagsopgave: '', Modkonto: '5820' },
      { Betalingsdato: '31-12-2026', Konto: '1030', Klumpsum: '1234567,89', Kontobeskrivelse: 'Æbler & Ørreder', Sag: 'P-7', Sagsopgave: '', Modkonto: '5820' },
    ]);
    const total = records.map(({ Klumpsum }) => parseDanishAmount(Klumpsum!)).reduce((sum, reading) => sum + ('ore' in reading ? reading.ore : Number.NaN), 0);
    expect(total).toBe(lines.reduce((sum, { lumpSumOre }) => sum + lumpSumOre, 0));
    expect(total).toBe(123450 - 5000 + 123456789);
  });

  it('[Bogføring] encodes as UTF-8 with the byte-order mark Excel needs to show æøå', () => {
    const bytes = Buffer.from(postingLinesCsv(lines), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Æbler & Ørreder');
  });

  it('writes only the header when there are no lines', () => {
    expect(postingLinesCsv([])).toBe('\uFEFFBetalingsdato;Konto;Klumpsum;Kontobeskrivelse;Sag;Sagsopgave;Modkonto\r\n');
  });
});

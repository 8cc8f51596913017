import { describe, expect, it } from 'vitest';
import { MalformedCsvError, parseCsv } from './parseCsv.js';

describe('parseCsv', () => {
  it('[BetalingUdenomOF] in a semicolon file (Danish Excel), keeps decimal commas and commas in text inside their values', () => {
    const { columns, rows } = parseCsv('\uFEFFNavn;Adresse;Beløb\r\nAnna;Vestergade 1, 2. th;150,00\r\n');
    expect(columns).toEqual(['navn', 'adresse', 'beløb']);
    expect(rows).toEqual([{ line: 2, valueCount: 3, values: { navn: 'Anna', adresse: 'Vestergade 1, 2. th', beløb: '150,00' } }]);
  });

  it('in a comma file, keeps semicolons inside their values', () => {
    const { rows } = parseCsv('name,message\nAnna,hej; tak\n');
    expect(rows).toEqual([{ line: 2, valueCount: 2, values: { name: 'Anna', message: 'hej; tak' } }]);
  });

  it('decides the separator by the header outside quotes', () => {
    expect(parseCsv('"a;b",c\n1,2\n').columns).toEqual(['a;b', 'c']);
    expect(parseCsv('"a,b";c;d\n1;2;3\n').columns).toEqual(['a,b', 'c', 'd']);
  });

  it('skips blank lines before the header and counts lines in the file', () => {
    const { columns, rows } = parseCsv('\n\na;b\n\n1;2\n');
    expect(columns).toEqual(['a', 'b']);
    expect(rows.map(({ line }) => line)).toEqual([5]);
  });

  it('refuses an empty file and an unterminated quote', () => {
    expect(() => parseCsv('')).toThrow(MalformedCsvError);
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow(MalformedCsvError);
  });
});

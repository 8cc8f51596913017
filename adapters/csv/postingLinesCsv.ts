import { stringify } from 'csv-stringify/sync';
import type { PostingLine } from '../../domain/bookkeeping/PostingLine.js';
import { formatDanishDate } from './danishDates.js';
import { formatDanishAmount } from './danishNumbers.js';

/** The export's columns, in finance's order, with the line's field each is written from. */
const columns: { header: string; value: (line: PostingLine) => string }[] = [
  { header: 'Betalingsdato', value: (line) => formatDanishDate(line.postingDate) },
  { header: 'Konto', value: (line) => line.accountNumber },
  { header: 'Klumpsum', value: (line) => formatDanishAmount(line.lumpSumOre) },
  { header: 'Kontobeskrivelse', value: (line) => line.accountDescription },
  { header: 'Sag', value: (line) => line.project ?? '' },
  { header: 'Sagsopgave', value: (line) => line.budgetLine ?? '' },
  { header: 'Modkonto', value: (line) => line.contraAccountNumber },
];

/**
 * [Bogføring] The posting lines (klumpsummer) as the CSV file finance asked for, one row per line in
 * the order given: Betalingsdato (dd-mm-yyyy), Konto, Klumpsum, Kontobeskrivelse, Sag, Sagsopgave,
 * Modkonto; Sag and Sagsopgave empty when the line has none.
 *
 * Format, chosen for Danish Excel and finance's ERP import: fields separated by semicolons (the comma
 * is the decimal sign), amounts with a decimal comma, two decimals, a hyphen-minus for negatives and
 * no thousands separator ("1234,50", "-50,00"), CRLF line endings, and a byte-order mark first so
 * Excel reads the file as UTF-8 and shows æøå; send or store the string UTF-8 encoded. Quoting is
 * left to csv-stringify (fields with a semicolon, a quote or a line break are quoted).
 */
export function postingLinesCsv(lines: PostingLine[]): string {
  return stringify(
    lines.map((line) => columns.map(({ value }) => value(line))),
    { header: true, columns: columns.map(({ header }) => header), delimiter: ';', record_delimiter: '\r\n', bom: true },
  );
}

import { CsvError, parse } from 'csv-parse/sync';

/** A row of a CSV file: its line in the file (the header is line 1) and its values by column. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
  /** How many values the row had (a row with more or fewer than the header is kept, to be reported). */
  valueCount: number;
}

/** The file could not be read as CSV at all; `line` says where. */
export class MalformedCsvError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
  }
}

/**
 * Reads a CSV file with a header row, separated by commas or semicolons (Danish Excel writes
 * semicolons), with or without a byte-order mark, using csv-parse rather than hand-written parsing.
 * The header row decides the separator for the whole file, so that in a semicolon file a decimal
 * comma ("150,00") or a comma in an address stays inside its value. Column names are trimmed and
 * lower-cased; blank lines are skipped.
 */
export function parseCsv(text: string): { columns: string[]; rows: CsvRow[] } {
  try {
    const records = parse(text, { bom: true, delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: true, info: true, trim: true }) as unknown as { record: string[]; info: { lines: number } }[];
    const [header, ...body] = records;
    if (!header) throw new MalformedCsvError('the file is empty: a header row is needed', 1);
    const columns = header.record.map((name) => name.toLowerCase());
    const rows = body.map(({ record, info }) => ({ line: info.lines, valueCount: record.length, values: Object.fromEntries(columns.map((column, index) => [column, record[index] ?? ''])) }));
    return { columns, rows };
  } catch (error) {
    if (error instanceof MalformedCsvError) throw error;
    if (error instanceof CsvError) throw new MalformedCsvError(error.message, (error as CsvError & { lines?: number }).lines);
    throw error;
  }
}

/** A semicolon when the header row has more semicolons than commas outside quotes, else a comma. */
function delimiterOf(text: string): ';' | ',' {
  const header = text.replace(/^\uFEFF/, '').trimStart().split(/\r\n|\n|\r/, 1)[0] ?? '';
  const unquoted = header.replace(/"(?:[^"]|"")*"/g, '');
  const count = (character: string) => unquoted.split(character).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

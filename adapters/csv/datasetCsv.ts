import { stringify } from 'csv-stringify/sync';
import type { ColumnDefinition, DatasetDefinition, DatasetRow } from '../../domain/datasets/DatasetDefinition.js';
import { formatDanishDate } from './danishDates.js';
import { formatDanishAmount } from './danishNumbers.js';

/** An instant: date, time and a zone, as parquetFile accepts it (never the machine's time zone). */
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** How each column type is written in the CSV twin, in words (for `_schema.json`). */
export const csvFormats = {
  string: 'text',
  date: 'dd-mm-yyyy',
  timestamp: 'ISO 8601 instant in UTC (yyyy-mm-ddThh:mm:ss.sssZ)',
  integer: 'whole number',
  money: 'kroner with a decimal comma and two decimals, no thousands separator (1234,50)',
  boolean: 'true or false',
} as const;

function csvValue(column: ColumnDefinition, value: DatasetRow[string] | undefined, row: number): string {
  if (value === null || value === undefined) {
    if (!column.nullable) throw new RangeError(`column "${column.name}" is not nullable, but row ${row} has no value`);
    return '';
  }
  switch (column.type) {
    case 'string':
      if (typeof value !== 'string') throw wrongValue(column, row, value, 'text');
      return value;
    case 'date':
      if (typeof value !== 'string') throw wrongValue(column, row, value, 'a date YYYY-MM-DD');
      return formatDanishDate(value);
    case 'timestamp': {
      const millis = typeof value === 'string' && isoInstant.test(value) ? Date.parse(value) : NaN;
      if (!Number.isFinite(millis)) throw wrongValue(column, row, value, 'an ISO 8601 instant with a zone (…Z or …+01:00)');
      return new Date(millis).toISOString();
    }
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw wrongValue(column, row, value, 'a whole number');
      return String(value);
    case 'money':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw wrongValue(column, row, value, 'whole øre');
      return formatDanishAmount(value);
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongValue(column, row, value, 'true or false');
      return value ? 'true' : 'false';
  }
}

function wrongValue(column: ColumnDefinition, row: number, value: unknown, expected: string): RangeError {
  return new RangeError(`column "${column.name}" (${column.type}) expects ${expected}, row ${row} has ${JSON.stringify(value)}`);
}

/**
 * [Rapportering1] The dataset's rows as the CSV twin of its Parquet file, for Excel users: a header
 * of the column names, then one line per row in the order given. Dates dd-mm-yyyy, money in kroner
 * with a decimal comma ("1234,50", as finance's exports), instants as ISO text in UTC, booleans
 * "true"/"false", null as an empty field. Same conventions as the posting-lines export: semicolons
 * between fields, CRLF line endings and a byte-order mark so Danish Excel reads UTF-8; quoting is left
 * to csv-stringify. Throws a RangeError naming the column for a null in a required column or a value
 * of the wrong kind.
 */
export function datasetCsv(dataset: DatasetDefinition, rows: DatasetRow[]): string {
  return stringify(
    rows.map((row, index) => dataset.columns.map((column) => csvValue(column, row[column.name], index))),
    { header: true, columns: dataset.columns.map(({ name }) => name), delimiter: ';', record_delimiter: '\r\n', bom: true },
  );
}

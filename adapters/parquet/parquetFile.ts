import { type ColumnSource, type SchemaElement, parquetWriteBuffer } from 'hyparquet-writer';
import type { ColumnDefinition, ColumnType, DatasetDefinition, DatasetRow } from '../../domain/datasets/DatasetDefinition.js';

const dayMillis = 86_400_000;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An instant: date, time and a zone (Z or ±hh:mm), so it never depends on the machine's time zone. */
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Key of the file's key-value metadata entry that describes the dataset (JSON). */
export const datasetMetadataKey = 'ms.dataset';

/**
 * [Rapportering1] The Parquet schema element each column type is written as, always explicit (never
 * guessed from the data, so an empty or all-null column keeps its type):
 * - `string` → BYTE_ARRAY, UTF8 (STRING);
 * - `date` → INT32, DATE (days since 1970-01-01);
 * - `timestamp` → INT64, TIMESTAMP_MILLIS (milliseconds since 1970-01-01T00:00:00Z, UTC);
 * - `integer` → INT64;
 * - `money` → INT64, DECIMAL(18,2): the stored integer is the øre, so 12345 reads as 123.45 kr.;
 * - `boolean` → BOOLEAN.
 * Nullable columns are OPTIONAL, the others REQUIRED.
 */
function schemaElement(column: ColumnDefinition): SchemaElement {
  const repetition_type = column.nullable ? 'OPTIONAL' : 'REQUIRED';
  const name = column.name;
  switch (column.type) {
    case 'string':
      return { name, repetition_type, type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } };
    case 'date':
      return { name, repetition_type, type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' } };
    case 'timestamp':
      // The legacy converted type alone (which the format defines as UTC-adjusted milliseconds): DuckDB
      // and Power BI read it as a plain TIMESTAMP/date-time holding the UTC time.
      return { name, repetition_type, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' };
    case 'integer':
      return { name, repetition_type, type: 'INT64' };
    case 'money':
      return {
        name,
        repetition_type,
        type: 'INT64',
        converted_type: 'DECIMAL',
        precision: 18,
        scale: 2,
        logical_type: { type: 'DECIMAL', precision: 18, scale: 2 },
      };
    case 'boolean':
      return { name, repetition_type, type: 'BOOLEAN' };
  }
}

/** The Parquet type of a column type in words, for `_schema.json`. */
export function parquetTypeName(type: ColumnType): string {
  switch (type) {
    case 'string':
      return 'BYTE_ARRAY (UTF8 string)';
    case 'date':
      return 'INT32 (DATE)';
    case 'timestamp':
      return 'INT64 (TIMESTAMP_MILLIS, UTC)';
    case 'integer':
      return 'INT64';
    case 'money':
      return 'INT64 (DECIMAL(18,2))';
    case 'boolean':
      return 'BOOLEAN';
  }
}

/** A row value's Parquet primitive: a day number for dates, bigint for INT64 columns. */
type ParquetValue = string | number | bigint | boolean | null;

/** The column's values, checked and converted, in row order. */
function columnValues(column: ColumnDefinition, rows: DatasetRow[]): ParquetValue[] {
  const values = new Array<ParquetValue>(rows.length);
  // Dates repeat (a month has at most 31), so each distinct text is converted once.
  const days = new Map<string, number>();
  for (let row = 0; row < rows.length; row++) {
    const value = rows[row]![column.name];
    if (value === null || value === undefined) {
      if (!column.nullable) throw new RangeError(`column "${column.name}" is not nullable, but row ${row} has no value`);
      values[row] = null;
      continue;
    }
    switch (column.type) {
      case 'string':
        if (typeof value !== 'string') throw wrongValue(column, row, value, 'text');
        values[row] = value;
        break;
      case 'date': {
        let day = typeof value === 'string' ? days.get(value) : undefined;
        if (day === undefined) {
          day = typeof value === 'string' ? daysSinceEpoch(value) : undefined;
          if (day === undefined) throw wrongValue(column, row, value, 'a date YYYY-MM-DD');
          days.set(value as string, day);
        }
        values[row] = day;
        break;
      }
      case 'timestamp': {
        const millis = typeof value === 'string' && isoInstant.test(value) ? Date.parse(value) : NaN;
        if (!Number.isFinite(millis)) throw wrongValue(column, row, value, 'an ISO 8601 instant with a zone (…Z or …+01:00)');
        values[row] = BigInt(millis);
        break;
      }
      case 'integer':
      case 'money':
        if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw wrongValue(column, row, value, column.type === 'money' ? 'whole øre' : 'a whole number');
        values[row] = BigInt(value);
        break;
      case 'boolean':
        if (typeof value !== 'boolean') throw wrongValue(column, row, value, 'true or false');
        values[row] = value;
        break;
    }
  }
  return values;
}

function wrongValue(column: ColumnDefinition, row: number, value: unknown, expected: string): RangeError {
  return new RangeError(`column "${column.name}" (${column.type}) expects ${expected}, row ${row} has ${JSON.stringify(value)}`);
}

/** Days from 1970-01-01 to a real calendar date YYYY-MM-DD, or undefined. */
function daysSinceEpoch(date: string): number | undefined {
  const parts = isoDate.exec(date);
  if (!parts) return undefined;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return undefined;
  return Math.round(at.getTime() / dayMillis);
}

/**
 * [Rapportering1] The rows as one Parquet file (Snappy-compressed), with the dataset's columns in
 * their order and the explicit types of `schemaElement`. Columns the definition does not name are
 * left out; a missing value counts as null. Throws a RangeError naming the column and row for a null
 * in a required column or a value of the wrong kind. The file's key-value metadata carries the
 * dataset's name, description and column descriptions under `ms.dataset`.
 */
export function parquetFile(dataset: DatasetDefinition, rows: DatasetRow[]): Uint8Array {
  const columnData: ColumnSource[] = dataset.columns.map((column) => ({
    name: column.name,
    data: columnValues(column, rows),
    nullable: column.nullable,
  }));
  const schema: SchemaElement[] = [{ name: 'root', num_children: dataset.columns.length }, ...dataset.columns.map(schemaElement)];
  const buffer = parquetWriteBuffer({
    columnData,
    schema,
    createdBy: 'ms-engine',
    kvMetadata: [{ key: datasetMetadataKey, value: JSON.stringify(describe(dataset)) }],
  });
  return new Uint8Array(buffer);
}

function describe(dataset: DatasetDefinition) {
  return {
    name: dataset.name,
    description: dataset.description,
    partitionedBy: dataset.partitionedBy,
    columns: Object.fromEntries(dataset.columns.map((column) => [column.name, column.description])),
  };
}

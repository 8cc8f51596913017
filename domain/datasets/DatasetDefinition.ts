/**
 * [Rapportering1] The column types datasets use, as Power BI should see them:
 * - `date`: a business date (YYYY-MM-DD in a row), Parquet DATE;
 * - `timestamp`: an instant (ISO 8601 in a row), Parquet TIMESTAMP (UTC, milliseconds);
 * - `money`: integer øre in a row, Parquet DECIMAL(18,2) in kroner (the stored integer is the øre);
 * - `integer`: Parquet INT64; `string`: UTF-8 text; `boolean`.
 */
export type ColumnType = 'string' | 'date' | 'timestamp' | 'integer' | 'money' | 'boolean';

export interface ColumnDefinition {
  name: string;
  type: ColumnType;
  /** What the column means, in plain words for an analyst (goes into `_schema.json`). */
  description: string;
  nullable: boolean;
}

/** One dataset: its columns, and the date column its year/month partitions are cut by. */
export interface DatasetDefinition {
  name: string;
  description: string;
  partitionedBy: string;
  columns: ColumnDefinition[];
}

/** A row as the domain builds it: dates and instants as ISO text, money as integer øre, null for none. */
export type DatasetRow = Record<string, string | number | boolean | null>;

/** A year/month partition, `year=YYYY/month=MM`. */
export interface Partition {
  year: number;
  month: number;
}

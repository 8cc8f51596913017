import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/** DuckDB's JSON form of a value: numbers beyond int32 and decimals as text, dates as YYYY-MM-DD. */
export type DuckValue = string | number | boolean | null | DuckValue[] | { [key: string]: DuckValue };

/**
 * Tests only: an in-memory DuckDB and a temporary folder, to read written Parquet back the way an
 * independent reader (as Power BI) would.
 */
export interface ParquetReader {
  /** Writes the bytes under the temporary folder (sub-folders made as needed); returns the full path. */
  file(relativePath: string, bytes: Uint8Array): Promise<string>;
  /** `DESCRIBE` of a `read_parquet(...)` source: column name → DuckDB type. */
  types(source: string): Promise<Record<string, string>>;
  query(sql: string): Promise<Record<string, DuckValue>[]>;
  readonly folder: string;
  close(): Promise<void>;
}

export async function openParquetReader(): Promise<ParquetReader> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const folder = await mkdtemp(join(tmpdir(), 'ms-parquet-'));
  const query = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, DuckValue>[];
  return {
    folder,
    async file(relativePath, bytes) {
      const path = join(folder, relativePath);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
      return path;
    },
    async types(source) {
      const described = await query(`DESCRIBE SELECT * FROM ${source}`);
      return Object.fromEntries(described.map((row) => [String(row.column_name), String(row.column_type)]));
    },
    query,
    async close() {
      connection.closeSync();
      instance.closeSync();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** `read_parquet('<path>')`, quoted for SQL. */
export function readParquet(path: string, options = ''): string {
  return `read_parquet('${path.replace(/'/g, "''")}'${options ? `, ${options}` : ''})`;
}

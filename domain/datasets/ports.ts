import type { DatasetDefinition, DatasetRow, Partition } from './DatasetDefinition.js';

export interface WrittenPartition {
  /** Blob names written, Parquet and its CSV twin. */
  files: string[];
  rows: number;
  parquetBytes: number;
  csvBytes: number;
}

/**
 * Port: where datasets are published for Power BI (Blob storage, container `datasets`). Each file of
 * a partition is replaced in one step, so a reader sees the old or the new file, never half of one;
 * a month is one file unless it holds more rows than a part may (a million by default).
 */
export interface DatasetStore {
  replacePartition(dataset: DatasetDefinition, partition: Partition, rows: DatasetRow[]): Promise<WrittenPartition>;
  /** The partitions the dataset has now. */
  partitions(dataset: string): Promise<Partition[]>;
  /** Removes a partition that no longer has rows (e.g. after a full export). */
  deletePartition(dataset: string, partition: Partition): Promise<void>;
  /** Writes `<name>/_schema.json`: every column described in plain words. */
  writeSchema(dataset: DatasetDefinition): Promise<void>;
}

import { randomUUID } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import type { DatasetDefinition, DatasetRow, Partition } from '../../domain/datasets/DatasetDefinition.js';
import type { DatasetStore, WrittenPartition } from '../../domain/datasets/ports.js';
import { csvFormats, datasetCsv } from '../csv/datasetCsv.js';
import { parquetFile, parquetTypeName } from '../parquet/parquetFile.js';
import { datasetsContainer } from './containers.js';

export { datasetsContainer };

export interface BlobDatasetStoreOptions {
  /** Rows per Parquet part (and its CSV twin) before a partition is split; default 1,000,000. */
  maxRowsPerPart?: number;
  /** Bytes per staged block; default 8 MiB. */
  blockBytes?: number;
}

/** Blocks of one file staged at once. */
const stagingConcurrency = 4;
const parquetContentType = 'application/vnd.apache.parquet';
const csvContentType = 'text/csv; charset=utf-8';
const datasetName = /^[a-z0-9][a-z0-9_-]*$/;
const partName = /^part-\d{4}\.(?:parquet|csv)$/;

/** `year=YYYY/month=MM`, the partition's folder below the dataset's. */
export function partitionPath({ year, month }: Partition): string {
  return `year=${String(year).padStart(4, '0')}/month=${String(month).padStart(2, '0')}`;
}

/** `<name>/year=YYYY/month=MM/part-NNNN.parquet`. */
export function parquetPartBlob(dataset: string, partition: Partition, part: number): string {
  return `${dataset}/${partitionPath(partition)}/part-${String(part).padStart(4, '0')}.parquet`;
}

/** `csv/<name>/year=YYYY/month=MM/part-NNNN.csv`: outside the Parquet folders, so Power BI's folder connector sees only Parquet. */
export function csvPartBlob(dataset: string, partition: Partition, part: number): string {
  return `csv/${dataset}/${partitionPath(partition)}/part-${String(part).padStart(4, '0')}.csv`;
}

/** `<name>/_schema.json`. */
export function schemaBlob(dataset: string): string {
  return `${dataset}/_schema.json`;
}

const parquetPartPattern = (dataset: string) =>
  new RegExp(`^${dataset}/year=(\\d{4})/month=(\\d{2})/part-\\d{4}\\.parquet$`);

interface StagedFile {
  blob: string;
  blockIds: string[];
  contentType: string;
  rows: number;
}

/**
 * [Rapportering1] The published datasets in Blob storage, for Power BI:
 * - `<name>/year=YYYY/month=MM/part-0000.parquet` (…part-0001 and on when a month has more than
 *   `maxRowsPerPart` rows), which Power BI's folder connector reads;
 * - `csv/<name>/year=YYYY/month=MM/part-0000.csv`, the same rows for Excel users;
 * - `<name>/_schema.json`, every column described in plain words.
 *
 * Each file is written as staged blocks and then made visible by one commit of its block list, so a
 * reader sees the old or the new file, never half of one. One writer per dataset at a time is assumed
 * (the export job's); every write stages its blocks under its own ids, so two writers cannot mix
 * blocks, but the last commit of a file wins.
 */
export class BlobDatasetStore implements DatasetStore {
  private readonly maxRowsPerPart: number;
  private readonly blockBytes: number;
  private ready: Promise<unknown> | undefined;

  constructor(
    private readonly container: ContainerClient,
    options: BlobDatasetStoreOptions = {},
  ) {
    this.maxRowsPerPart = options.maxRowsPerPart ?? 1_000_000;
    this.blockBytes = options.blockBytes ?? 8 * 1024 * 1024;
    if (!Number.isSafeInteger(this.maxRowsPerPart) || this.maxRowsPerPart < 1) throw new RangeError('maxRowsPerPart must be a whole number ≥ 1');
    if (!Number.isSafeInteger(this.blockBytes) || this.blockBytes < 1) throw new RangeError('blockBytes must be a whole number ≥ 1');
  }

  /**
   * Replaces the month's files: every new part (Parquet and CSV) is staged first, then the parts are
   * committed one after the other, then parts left over from an older, larger write are deleted.
   *
   * Each file swaps atomically. A partition of one part (up to `maxRowsPerPart` rows, the usual case)
   * therefore swaps atomically as a whole. With several parts there is a short window, between the
   * first commit and the last deletion (milliseconds to a few seconds: commits and deletes are
   * metadata operations, the upload is already done), in which a reader listing the folder can see
   * new parts beside old ones: some old rows missing or counted twice. Closing it would need a
   * manifest (as Delta Lake keeps), which Power BI's folder connector does not read; the export runs
   * off-hours, when no refresh is expected.
   */
  async replacePartition(dataset: DatasetDefinition, partition: Partition, rows: DatasetRow[]): Promise<WrittenPartition> {
    checkName(dataset.name);
    checkPartition(partition);
    checkRowsInPartition(dataset, partition, rows);
    await this.ensureContainer();

    const writeId = randomUUID().replace(/-/g, '');
    const staged: StagedFile[] = [];
    let parquetBytes = 0;
    let csvBytes = 0;
    const parts = Math.max(1, Math.ceil(rows.length / this.maxRowsPerPart));
    // One part at a time, so only one part's bytes are held in memory.
    for (let part = 0; part < parts; part++) {
      const partRows = rows.slice(part * this.maxRowsPerPart, (part + 1) * this.maxRowsPerPart);
      const parquet = parquetFile(dataset, partRows);
      parquetBytes += parquet.byteLength;
      staged.push(await this.stage(parquetPartBlob(dataset.name, partition, part), parquet, parquetContentType, partRows.length, writeId));
      const csv = Buffer.from(datasetCsv(dataset, partRows), 'utf8');
      csvBytes += csv.byteLength;
      staged.push(await this.stage(csvPartBlob(dataset.name, partition, part), csv, csvContentType, partRows.length, writeId));
    }

    for (const file of staged) {
      await this.container.getBlockBlobClient(file.blob).commitBlockList(file.blockIds, {
        blobHTTPHeaders: { blobContentType: file.contentType },
        metadata: { rows: String(file.rows) },
      });
    }

    const written = new Set(staged.map(({ blob }) => blob));
    await this.deleteParts(dataset.name, partition, (blob) => !written.has(blob));

    return { files: staged.map(({ blob }) => blob), rows: rows.length, parquetBytes, csvBytes };
  }

  /** The months that have a Parquet part, oldest first. */
  async partitions(dataset: string): Promise<Partition[]> {
    checkName(dataset);
    await this.ensureContainer();
    const pattern = parquetPartPattern(dataset);
    const found = new Map<string, Partition>();
    for await (const blob of this.container.listBlobsFlat({ prefix: `${dataset}/year=` })) {
      const match = pattern.exec(blob.name);
      if (!match) continue;
      const partition = { year: Number(match[1]), month: Number(match[2]) };
      found.set(partitionPath(partition), partition);
    }
    return [...found.values()].sort((a, b) => a.year - b.year || a.month - b.month);
  }

  /** Deletes the month's Parquet and CSV parts; a month that has none is left as it is. */
  async deletePartition(dataset: string, partition: Partition): Promise<void> {
    checkName(dataset);
    checkPartition(partition);
    await this.ensureContainer();
    await this.deleteParts(dataset, partition, () => true);
  }

  /** Uploads `<name>/_schema.json`: the dataset, its layout, and every column with its types. */
  async writeSchema(dataset: DatasetDefinition): Promise<void> {
    checkName(dataset.name);
    await this.ensureContainer();
    const body = Buffer.from(`${JSON.stringify(schemaDocument(dataset), null, 2)}\n`, 'utf8');
    await this.container.getBlockBlobClient(schemaBlob(dataset.name)).upload(body, body.byteLength, {
      blobHTTPHeaders: { blobContentType: 'application/json' },
    });
  }

  private ensureContainer(): Promise<unknown> {
    this.ready ??= this.container.createIfNotExists().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  /** Stages the bytes as uncommitted blocks of the blob, a few at a time; nothing is visible until the commit. */
  private async stage(blob: string, bytes: Uint8Array, contentType: string, rows: number, writeId: string): Promise<StagedFile> {
    const client = this.container.getBlockBlobClient(blob);
    const blocks: { id: string; bytes: Uint8Array }[] = [];
    for (let offset = 0; offset < bytes.byteLength || blocks.length === 0; offset += this.blockBytes) {
      // Block ids of one blob must all have the same length: write id + six-digit index.
      const id = Buffer.from(`${writeId}-${String(blocks.length).padStart(6, '0')}`).toString('base64');
      blocks.push({ id, bytes: bytes.subarray(offset, offset + this.blockBytes) });
    }
    for (let first = 0; first < blocks.length; first += stagingConcurrency) {
      await Promise.all(blocks.slice(first, first + stagingConcurrency).map((block) => client.stageBlock(block.id, block.bytes, block.bytes.byteLength)));
    }
    return { blob, blockIds: blocks.map(({ id }) => id), contentType, rows };
  }

  private async deleteParts(dataset: string, partition: Partition, shouldDelete: (blob: string) => boolean): Promise<void> {
    const folders = [`${dataset}/${partitionPath(partition)}/`, `csv/${dataset}/${partitionPath(partition)}/`];
    const doomed: string[] = [];
    for (const prefix of folders) {
      for await (const blob of this.container.listBlobsFlat({ prefix })) {
        if (partName.test(blob.name.slice(prefix.length)) && shouldDelete(blob.name)) doomed.push(blob.name);
      }
    }
    for (const blob of doomed) await this.container.deleteBlob(blob, { deleteSnapshots: 'include' }).catch(ignoreNotFound);
  }
}

/** What `_schema.json` holds. */
export function schemaDocument(dataset: DatasetDefinition) {
  return {
    name: dataset.name,
    description: dataset.description,
    partitionedBy: dataset.partitionedBy,
    layout: {
      parquet: `${dataset.name}/year=YYYY/month=MM/part-NNNN.parquet`,
      csv: `csv/${dataset.name}/year=YYYY/month=MM/part-NNNN.csv`,
      partitions: `one folder per year and month of ${dataset.partitionedBy}; a month with more rows than fit one part is split into part-0000, part-0001, …`,
      csvFormat: 'semicolon-separated, UTF-8 with byte-order mark, CRLF line endings, a header of the column names, null as an empty field',
    },
    columns: dataset.columns.map((column) => ({
      name: column.name,
      type: column.type,
      parquetType: parquetTypeName(column.type),
      csvFormat: csvFormats[column.type],
      nullable: column.nullable,
      description: column.description,
    })),
  };
}

function checkName(name: string): void {
  if (!datasetName.test(name) || name === 'csv') {
    throw new RangeError(`not a dataset name: "${name}" (lower-case letters, digits, - and _, not "csv")`);
  }
}

function checkPartition({ year, month }: Partition): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`not a partition: year ${year}, month ${month}`);
  }
}

/** Guards against a month's file holding another month's rows, when the partition column is a date. */
function checkRowsInPartition(dataset: DatasetDefinition, partition: Partition, rows: DatasetRow[]): void {
  const column = dataset.columns.find(({ name }) => name === dataset.partitionedBy);
  if (column?.type !== 'date') return;
  const month = `${String(partition.year).padStart(4, '0')}-${String(partition.month).padStart(2, '0')}-`;
  rows.forEach((row, index) => {
    const value = row[column.name];
    if (typeof value === 'string' && !value.startsWith(month)) {
      throw new RangeError(`row ${index} has ${column.name} ${value}, outside partition ${partitionPath(partition)}`);
    }
  });
}

function ignoreNotFound(error: unknown): void {
  if ((error as { statusCode?: number }).statusCode !== 404) throw error;
}

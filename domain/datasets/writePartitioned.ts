import type { DatasetDefinition, DatasetRow, Partition } from './DatasetDefinition.js';
import type { DatasetStore } from './ports.js';

export interface PartitionedOutcome {
  rows: number;
  partitions: number;
  parquetBytes: number;
  csvBytes: number;
}

/**
 * [Rapportering1] Writes rows that arrive in the order of the dataset's partition date, one
 * year/month partition at a time: only the month being written is held. With `replaceAll`, the
 * partitions the rows no longer reach are removed afterwards (a full export). Rows out of order
 * would write a partition twice, so they stop the export instead.
 */
export async function writePartitioned(
  dataset: DatasetDefinition,
  pages: AsyncIterable<DatasetRow[]> | DatasetRow[][],
  store: DatasetStore,
  options: { replaceAll: boolean; onPartition?: (outcome: PartitionedOutcome) => Promise<void> },
): Promise<PartitionedOutcome> {
  const outcome: PartitionedOutcome = { rows: 0, partitions: 0, parquetBytes: 0, csvBytes: 0 };
  const written = new Set<string>();
  let current: { key: string; partition: Partition; rows: DatasetRow[] } | undefined;
  const flush = async () => {
    if (!current) return;
    const file = await store.replacePartition(dataset, current.partition, current.rows);
    Object.assign(outcome, { rows: outcome.rows + file.rows, partitions: outcome.partitions + 1, parquetBytes: outcome.parquetBytes + file.parquetBytes, csvBytes: outcome.csvBytes + file.csvBytes });
    await options.onPartition?.(outcome);
  };
  for await (const page of pages) {
    for (const row of page) {
      const partition = partitionOf(row, dataset);
      const key = keyOf(partition);
      if (current?.key !== key) {
        await flush();
        if (written.has(key)) throw new Error(`${dataset.name}: rows for ${key} came after other months; the source must be ordered by ${dataset.partitionedBy}`);
        written.add(key);
        current = { key, partition, rows: [] };
      }
      current.rows.push(row);
    }
  }
  await flush();
  if (options.replaceAll) {
    for (const partition of await store.partitions(dataset.name)) if (!written.has(keyOf(partition))) await store.deletePartition(dataset.name, partition);
  }
  return outcome;
}

export function partitionOf(row: DatasetRow, dataset: DatasetDefinition): Partition {
  const value = row[dataset.partitionedBy];
  if (typeof value !== 'string' || !/^\d{4}-\d{2}/.test(value)) throw new Error(`${dataset.name}: ${dataset.partitionedBy} must be a date, got ${String(value)}`);
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)) };
}

function keyOf(partition: Partition): string {
  return `year=${partition.year}/month=${String(partition.month).padStart(2, '0')}`;
}

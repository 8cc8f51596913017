import { describe, expect, it } from 'vitest';
import type { DatasetDefinition, DatasetRow, Partition } from './DatasetDefinition.js';
import type { DatasetStore, WrittenPartition } from './ports.js';
import { writePartitioned } from './writePartitioned.js';

const dataset: DatasetDefinition = { name: 'test', description: '', partitionedBy: 'day', columns: [{ name: 'day', type: 'date', description: '', nullable: false }] };

/** Keeps what was written in memory, as a reader of the store would see it. */
class MemoryDatasetStore implements DatasetStore {
  readonly written = new Map<string, DatasetRow[]>();
  readonly deleted: string[] = [];
  async replacePartition(_dataset: DatasetDefinition, partition: Partition, rows: DatasetRow[]): Promise<WrittenPartition> {
    this.written.set(`${partition.year}-${partition.month}`, rows);
    return { files: [], rows: rows.length, parquetBytes: rows.length * 10, csvBytes: rows.length * 5 };
  }
  async partitions(): Promise<Partition[]> {
    return [...this.written.keys(), '2020-1'].map((key) => ({ year: Number(key.split('-')[0]), month: Number(key.split('-')[1]) }));
  }
  async deletePartition(_dataset: string, partition: Partition): Promise<void> {
    this.deleted.push(`${partition.year}-${partition.month}`);
  }
  async writeSchema(): Promise<void> {}
}

describe('[Rapportering1] writing by year/month partition', () => {
  it('[Rapportering1] rows in date order become one partition per month; a full export removes months no row reaches', async () => {
    const store = new MemoryDatasetStore();
    const pages = [[{ day: '2026-01-30' }, { day: '2026-01-31' }], [{ day: '2026-02-01' }], [{ day: '2026-02-02' }, { day: '2026-03-01' }]];
    const outcome = await writePartitioned(dataset, pages, store, { replaceAll: true });
    expect(outcome).toEqual({ rows: 5, partitions: 3, parquetBytes: 50, csvBytes: 25 });
    expect([...store.written].map(([key, rows]) => [key, rows.length])).toEqual([['2026-1', 2], ['2026-2', 2], ['2026-3', 1]]);
    expect(store.deleted).toEqual(['2020-1']);
  });

  it('[Rapportering1] rows out of month order stop the export rather than overwrite a month written already', async () => {
    const store = new MemoryDatasetStore();
    await expect(writePartitioned(dataset, [[{ day: '2026-01-05' }, { day: '2026-02-01' }, { day: '2026-01-06' }]], store, { replaceAll: false })).rejects.toThrow(/ordered by day/);
  });
});

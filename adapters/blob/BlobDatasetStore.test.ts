import { type ContainerClient, BlobServiceClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetDefinition } from '../../domain/datasets/DatasetDefinition.js';
import { type RunningAzurite, startAzurite } from '../../local/standins/azurite.js';
import { giftRows, giftsDataset, giftsDuckDbTypes } from '../parquet/testDataset.js';
import { type ParquetReader, openParquetReader, readParquet } from '../parquet/testDuckDb.js';
import { BlobDatasetStore, datasetsContainer } from './BlobDatasetStore.js';

let azurite: RunningAzurite;
let container: ContainerClient;
let duck: ParquetReader;

beforeAll(async () => {
  [azurite, duck] = await Promise.all([startAzurite(), openParquetReader()]);
  container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(datasetsContainer);
});
afterAll(async () => {
  await Promise.all([azurite.close(), duck.close()]);
});

/** The gifts dataset under another name, so each test has its own folders. */
const dataset = (name: string): DatasetDefinition => ({ ...giftsDataset, name });
const january = { year: 2026, month: 1 };

async function blobNames(prefix = ''): Promise<string[]> {
  const names: string[] = [];
  for await (const blob of container.listBlobsFlat({ prefix })) names.push(blob.name);
  return names.sort();
}

/**
 * One GET, so a read sees one version of the blob, as a reader like Power BI does. (`downloadToBuffer`
 * asks for the size first and then for that many bytes: a replace in between mixes two versions.)
 */
async function download(name: string): Promise<Buffer> {
  const response = await container.getBlockBlobClient(name).download();
  const chunks: Buffer[] = [];
  for await (const chunk of response.readableStreamBody!) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Downloads the blobs under a prefix into the temporary folder, keeping their names; returns the local folder. */
async function downloadFolder(prefix: string): Promise<string> {
  const local = `download-${Math.random().toString(36).slice(2)}`;
  for (const name of await blobNames(prefix)) await duck.file(`${local}/${name}`, await download(name));
  return `${duck.folder}/${local}/${prefix}`;
}

async function parquetAt(name: string) {
  return readParquet(await duck.file(`${Math.random().toString(36).slice(2)}.parquet`, await download(name)));
}

describe('BlobDatasetStore', () => {
  it('[Rapportering1] publishes a month as Parquet Power BI reads with the right types, and its CSV twin outside the Parquet folders', async () => {
    const store = new BlobDatasetStore(container);
    const rows = giftRows(1_000);
    const written = await store.replacePartition(dataset('gifts-a'), january, rows);

    expect(written.files).toEqual(['gifts-a/year=2026/month=01/part-0000.parquet', 'csv/gifts-a/year=2026/month=01/part-0000.csv']);
    expect(written.rows).toBe(1_000);
    expect(await blobNames()).toEqual(expect.arrayContaining(written.files));

    const parquet = await container.getBlockBlobClient(written.files[0]!).getProperties();
    expect(parquet.contentLength).toBe(written.parquetBytes);
    expect(parquet.contentType).toBe('application/vnd.apache.parquet');
    const csv = await container.getBlockBlobClient(written.files[1]!).getProperties();
    expect(csv.contentLength).toBe(written.csvBytes);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');

    const source = await parquetAt(written.files[0]!);
    expect(await duck.types(source)).toEqual(giftsDuckDbTypes);
    const [totals] = await duck.query(`SELECT count(*) AS n, sum(amount) AS amount, count(fee) AS fees, min(giftDate) AS first FROM ${source}`);
    const ore = rows.reduce((sum, row) => sum + (row.amount as number), 0);
    expect(totals).toEqual({ n: '1000', amount: (ore / 100).toFixed(2), fees: '500', first: '2026-01-01' });
    const [firstRow] = await duck.query(`SELECT * FROM ${source} WHERE giftId = 'gift-1'`);
    expect(firstRow).toEqual({
      giftId: 'gift-1',
      giftDate: '2026-01-02',
      receivedAt: '2026-01-02 10:00:00',
      amount: '100.01',
      fee: '1.50',
      count: '1',
      campaign: 'C-1',
      recurring: false,
    });

    const text = (await download(written.files[1]!)).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('\uFEFFgiftId;giftDate;receivedAt;amount;fee;count;campaign;recurring');
    expect(lines[1]).toBe('gift-0;01-01-2026;;100,00;;1;;true');
    expect(lines[2]).toBe('gift-1;02-01-2026;2026-01-02T10:00:00.000Z;100,01;1,50;1;C-1;false');
    expect(lines).toHaveLength(1_000 + 2); // header, rows, and the empty string after the last CRLF
  });

  it('[Rapportering1] replacing a partition twice keeps only the second content; surplus parts of a larger write are removed', async () => {
    const store = new BlobDatasetStore(container, { maxRowsPerPart: 400 });
    const first = await store.replacePartition(dataset('gifts-b'), january, giftRows(1_000));
    expect(first.files).toEqual([
      'gifts-b/year=2026/month=01/part-0000.parquet',
      'csv/gifts-b/year=2026/month=01/part-0000.csv',
      'gifts-b/year=2026/month=01/part-0001.parquet',
      'csv/gifts-b/year=2026/month=01/part-0001.csv',
      'gifts-b/year=2026/month=01/part-0002.parquet',
      'csv/gifts-b/year=2026/month=01/part-0002.csv',
    ]);
    const folder = await downloadFolder('gifts-b/');
    expect(await duck.query(`SELECT count(*) AS n, count(DISTINCT giftId) AS ids FROM ${readParquet(`${folder}**/*.parquet`)}`)).toEqual([
      { n: '1000', ids: '1000' },
    ]);

    const second = await store.replacePartition(dataset('gifts-b'), january, giftRows(500, 2026, 1, 5_000));
    expect(second.rows).toBe(500);
    expect(await blobNames('gifts-b/')).toEqual(['gifts-b/year=2026/month=01/part-0000.parquet', 'gifts-b/year=2026/month=01/part-0001.parquet']);
    expect(await blobNames('csv/gifts-b/')).toEqual(['csv/gifts-b/year=2026/month=01/part-0000.csv', 'csv/gifts-b/year=2026/month=01/part-0001.csv']);

    // Read as Power BI's folder connector would: every Parquet file under the dataset's folder.
    const after = await downloadFolder('gifts-b/');
    const [totals] = await duck.query(
      `SELECT count(*) AS n, min(giftId) AS first, sum(amount) AS amount, min(year) AS year, min(month) AS month FROM ${readParquet(`${after}**/*.parquet`, 'hive_partitioning = true')}`,
    );
    const ore = giftRows(500, 2026, 1, 5_000).reduce((sum, row) => sum + (row.amount as number), 0);
    expect(totals).toEqual({ n: '500', first: 'gift-5000', amount: (ore / 100).toFixed(2), year: '2026', month: '01' });
    const csvLines = (await download('csv/gifts-b/year=2026/month=01/part-0001.csv')).toString('utf8').split('\r\n');
    expect(csvLines).toHaveLength(100 + 2);
    expect(csvLines[1]).toMatch(/^gift-5400;/);
  });

  it('[Rapportering1] an empty month is written as a part with the columns and no rows', async () => {
    const store = new BlobDatasetStore(container);
    const written = await store.replacePartition(dataset('gifts-c'), january, []);
    expect(written).toMatchObject({ rows: 0, files: ['gifts-c/year=2026/month=01/part-0000.parquet', 'csv/gifts-c/year=2026/month=01/part-0000.csv'] });
    const source = await parquetAt(written.files[0]!);
    expect(await duck.types(source)).toMatchObject({ giftDate: 'DATE', amount: 'DECIMAL(18,2)' });
    expect(await duck.query(`SELECT count(*) AS n FROM ${source}`)).toEqual([{ n: '0' }]);
  });

  it('[Rapportering1] lists the months that have Parquet, oldest first, and deletes a month’s Parquet and CSV', async () => {
    const store = new BlobDatasetStore(container);
    const gifts = dataset('gifts-d');
    for (const partition of [january, { year: 2025, month: 12 }, { year: 2026, month: 2 }]) {
      await store.replacePartition(gifts, partition, giftRows(3, partition.year, partition.month));
    }
    await store.replacePartition(dataset('gifts-d-other'), { year: 2024, month: 6 }, giftRows(3, 2024, 6));
    await store.writeSchema(gifts);

    expect(await store.partitions('gifts-d')).toEqual([{ year: 2025, month: 12 }, january, { year: 2026, month: 2 }]);
    expect(await store.partitions('gifts-never-written')).toEqual([]);

    await store.deletePartition('gifts-d', january);
    expect(await store.partitions('gifts-d')).toEqual([{ year: 2025, month: 12 }, { year: 2026, month: 2 }]);
    expect(await blobNames('gifts-d/year=2026/month=01/')).toEqual([]);
    expect(await blobNames('csv/gifts-d/year=2026/month=01/')).toEqual([]);
    expect(await blobNames('csv/gifts-d/')).toEqual([
      'csv/gifts-d/year=2025/month=12/part-0000.csv',
      'csv/gifts-d/year=2026/month=02/part-0000.csv',
    ]);
    expect(await store.partitions('gifts-d-other')).toEqual([{ year: 2024, month: 6 }]);

    await store.deletePartition('gifts-d', january); // already gone: nothing to do
  });

  it('[Rapportering1] writes _schema.json describing the dataset, its layout and every column', async () => {
    const store = new BlobDatasetStore(container);
    await store.writeSchema(dataset('gifts-e'));
    const blob = container.getBlockBlobClient('gifts-e/_schema.json');
    expect((await blob.getProperties()).contentType).toBe('application/json');
    const schema = JSON.parse((await blob.downloadToBuffer()).toString('utf8'));
    expect(schema).toMatchObject({
      name: 'gifts-e',
      description: 'One row per gift received.',
      partitionedBy: 'giftDate',
      layout: { parquet: 'gifts-e/year=YYYY/month=MM/part-NNNN.parquet', csv: 'csv/gifts-e/year=YYYY/month=MM/part-NNNN.csv' },
    });
    expect(schema.columns).toHaveLength(giftsDataset.columns.length);
    expect(schema.columns[3]).toEqual({
      name: 'amount',
      type: 'money',
      parquetType: 'INT64 (DECIMAL(18,2))',
      csvFormat: expect.stringContaining('decimal comma'),
      nullable: false,
      description: 'The amount in kroner.',
    });
    expect(schema.columns.find((column: { name: string }) => column.name === 'receivedAt')).toMatchObject({
      type: 'timestamp',
      parquetType: 'INT64 (TIMESTAMP_MILLIS, UTC)',
      nullable: true,
    });
  });

  it('[Rapportering1] a reader polling during a replace only ever sees a complete file, the old or the new', async () => {
    // Small blocks, so the new file is staged in many requests while the reader polls.
    const store = new BlobDatasetStore(container, { blockBytes: 16 * 1024 });
    const gifts = dataset('gifts-f');
    const blob = 'gifts-f/year=2026/month=01/part-0000.parquet';
    await store.replacePartition(gifts, january, giftRows(2_000));

    const seen: string[] = [];
    let replacing = true;
    const reader = (async () => {
      let read = 0;
      while (replacing || read === 0) {
        try {
          const [{ n } = {}] = await duck.query(`SELECT count(*) AS n FROM ${await parquetAt(blob)}`);
          seen.push(String(n));
        } catch (error) {
          seen.push(`unreadable: ${(error as Error).message}`);
        }
        read++;
      }
    })();
    const written = await store.replacePartition(gifts, january, giftRows(30_000, 2026, 1, 100_000));
    replacing = false;
    await reader;
    seen.push(String((await duck.query(`SELECT count(*) AS n FROM ${await parquetAt(blob)}`))[0]?.n));

    expect(written.parquetBytes).toBeGreaterThan(10 * 16 * 1024);
    expect(seen.length).toBeGreaterThan(2);
    expect(new Set(seen)).toEqual(new Set(['2000', '30000']));
    expect(seen.at(-1)).toBe('30000');
  });

  it('refuses rows outside the partition’s month, or a null in a required column, before writing anything', async () => {
    const store = new BlobDatasetStore(container);
    const gifts = dataset('gifts-g');
    await store.replacePartition(gifts, january, giftRows(5));
    await expect(store.replacePartition(gifts, january, giftRows(5, 2026, 2))).rejects.toThrow(/outside partition year=2026\/month=01/);
    await expect(store.replacePartition(gifts, january, [{ ...giftRows(1)[0]!, amount: null }])).rejects.toThrow(/column "amount"/);
    expect(await duck.query(`SELECT count(*) AS n FROM ${await parquetAt('gifts-g/year=2026/month=01/part-0000.parquet')}`)).toEqual([{ n: '5' }]);
    await expect(store.partitions('../gifts')).rejects.toThrow(/not a dataset name/);
    await expect(store.deletePartition('gifts-g', { year: 2026, month: 13 })).rejects.toThrow(/not a partition/);
  });
});

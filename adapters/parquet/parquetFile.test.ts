import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetRow } from '../../domain/datasets/DatasetDefinition.js';
import { datasetMetadataKey, parquetFile } from './parquetFile.js';
import { giftRows, giftsDataset, giftsDuckDbTypes } from './testDataset.js';
import { type ParquetReader, openParquetReader, readParquet } from './testDuckDb.js';

let duck: ParquetReader;
beforeAll(async () => {
  duck = await openParquetReader();
});
afterAll(async () => {
  await duck.close();
});

const rows: DatasetRow[] = [
  {
    giftId: 'g-1',
    giftDate: '2026-01-31',
    receivedAt: '2026-01-31T23:30:00+01:00',
    amount: 12345,
    fee: 150,
    count: 2,
    campaign: 'Jul; "Æbler" & Ørreder',
    recurring: true,
  },
  { giftId: 'g-2', giftDate: '2026-01-01', receivedAt: null, amount: -5, fee: null, count: 9_007_199_254_740_991, campaign: null, recurring: false },
  { giftId: 'g-3', giftDate: '2026-01-15', receivedAt: '2026-01-15T08:15:30.250Z', amount: 0, count: 0, recurring: false },
];

async function written(name: string, data: DatasetRow[]): Promise<string> {
  return readParquet(await duck.file(`${name}.parquet`, parquetFile(giftsDataset, data)));
}

describe('parquetFile', () => {
  it('[Rapportering1] gives every column its explicit type: DATE, TIMESTAMP, DECIMAL(18,2), BIGINT, VARCHAR, BOOLEAN', async () => {
    const source = await written('types', rows);
    expect(await duck.types(source)).toEqual(giftsDuckDbTypes);
  });

  it('[Rapportering1] keeps the types when there are no rows or a nullable column has only nulls', async () => {
    const empty = await written('empty', []);
    expect(await duck.types(empty)).toMatchObject({ giftDate: 'DATE', receivedAt: 'TIMESTAMP', amount: 'DECIMAL(18,2)', count: 'BIGINT' });
    expect(await duck.query(`SELECT count(*) AS n FROM ${empty}`)).toEqual([{ n: '0' }]);

    const allNull = await written('all-null', [rows[1]!]);
    expect(await duck.types(allNull)).toMatchObject({ receivedAt: 'TIMESTAMP', fee: 'DECIMAL(18,2)', campaign: 'VARCHAR' });
  });

  it('[Rapportering1] writes the values: dates as days, instants in UTC milliseconds, øre as kroner with two decimals, nulls as nulls', async () => {
    const source = await written('values', rows);
    expect(await duck.query(`SELECT * FROM ${source}`)).toEqual([
      {
        giftId: 'g-1',
        giftDate: '2026-01-31',
        receivedAt: '2026-01-31 22:30:00',
        amount: '123.45',
        fee: '1.50',
        count: '2',
        campaign: 'Jul; "Æbler" & Ørreder',
        recurring: true,
      },
      { giftId: 'g-2', giftDate: '2026-01-01', receivedAt: null, amount: '-0.05', fee: null, count: '9007199254740991', campaign: null, recurring: false },
      { giftId: 'g-3', giftDate: '2026-01-15', receivedAt: '2026-01-15 08:15:30.25', amount: '0.00', fee: null, count: '0', campaign: null, recurring: false },
    ]);
  });

  it('[Rapportering1] marks nullable columns OPTIONAL and the others REQUIRED', async () => {
    const path = await duck.file('repetition.parquet', parquetFile(giftsDataset, rows));
    const schema = await duck.query(`SELECT name, repetition_type FROM parquet_schema('${path}') WHERE name <> 'root'`);
    expect(Object.fromEntries(schema.map(({ name, repetition_type }) => [name, repetition_type]))).toEqual(
      Object.fromEntries(giftsDataset.columns.map((column) => [column.name, column.nullable ? 'OPTIONAL' : 'REQUIRED'])),
    );
  });

  it('[Rapportering1] many rows: count and sums read back exactly, Snappy-compressed, with the dataset described in the metadata', async () => {
    const many = giftRows(250_000);
    const path = await duck.file('many.parquet', parquetFile(giftsDataset, many));
    const [totals] = await duck.query(
      `SELECT count(*) AS n, sum(amount) AS amount, sum(fee) AS fee, count(receivedAt) AS received, count(DISTINCT giftDate) AS days FROM ${readParquet(path)}`,
    );
    const expectedOre = many.reduce((sum, row) => sum + (row.amount as number), 0);
    expect(totals).toEqual({
      n: '250000',
      amount: (expectedOre / 100).toFixed(2),
      fee: (125_000 * 1.5).toFixed(2),
      received: String(many.filter((row) => row.receivedAt !== null).length),
      days: '28',
    });
    const codecs = await duck.query(`SELECT DISTINCT compression FROM parquet_metadata('${path}')`);
    expect(codecs).toEqual([{ compression: 'SNAPPY' }]);
    const [metadata] = await duck.query(`SELECT decode(value) AS value FROM parquet_kv_metadata('${path}') WHERE decode(key) = '${datasetMetadataKey}'`);
    expect(JSON.parse(String(metadata?.value))).toMatchObject({ name: 'gifts', partitionedBy: 'giftDate', columns: { amount: 'The amount in kroner.' } });
  });

  it('[Rapportering1] refuses a null in a required column, naming the column', () => {
    expect(() => parquetFile(giftsDataset, [{ ...rows[0]!, amount: null }])).toThrow(/column "amount" is not nullable/);
    const { giftDate: _missing, ...withoutDate } = rows[0]!;
    expect(() => parquetFile(giftsDataset, [withoutDate])).toThrow(/column "giftDate" is not nullable/);
  });

  it('refuses values of the wrong kind, naming the column', () => {
    const bad: [string, DatasetRow[string]][] = [
      ['amount', 123.45],
      ['amount', '12345'],
      ['count', 1.5],
      ['giftDate', '2026-02-30'],
      ['giftDate', '31-01-2026'],
      ['receivedAt', '2026-01-31T10:00:00'],
      ['receivedAt', 'yesterday'],
      ['recurring', 'true'],
      ['giftId', 7],
    ];
    for (const [column, value] of bad) {
      expect(() => parquetFile(giftsDataset, [{ ...rows[0]!, [column]: value }]), `${column} = ${JSON.stringify(value)}`).toThrow(`column "${column}"`);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { DatasetRow } from '../../domain/datasets/DatasetDefinition.js';
import { giftsDataset } from '../parquet/testDataset.js';
import { datasetCsv } from './datasetCsv.js';

const rows: DatasetRow[] = [
  {
    giftId: 'g-1',
    giftDate: '2026-01-31',
    receivedAt: '2026-01-31T23:30:00+01:00',
    amount: 123450,
    fee: 150,
    count: 2,
    campaign: 'Jul; "Æbler" & Ørreder',
    recurring: true,
  },
  { giftId: 'g-2', giftDate: '2026-01-01', receivedAt: null, amount: -5, fee: null, count: 0, campaign: null, recurring: false },
];

describe('datasetCsv', () => {
  it('[Rapportering1] the CSV twin: BOM, header of column names, semicolons, CRLF, dd-mm-yyyy, decimal comma, UTC instants, empty for null', () => {
    expect(datasetCsv(giftsDataset, rows)).toBe(
      '\uFEFF' +
        'giftId;giftDate;receivedAt;amount;fee;count;campaign;recurring\r\n' +
        'g-1;31-01-2026;2026-01-31T22:30:00.000Z;1234,50;1,50;2;"Jul; ""Æbler"" & Ørreder";true\r\n' +
        'g-2;01-01-2026;;-0,05;;0;;false\r\n',
    );
  });

  it('writes only the header when there are no rows', () => {
    expect(datasetCsv(giftsDataset, [])).toBe('\uFEFFgiftId;giftDate;receivedAt;amount;fee;count;campaign;recurring\r\n');
  });

  it('refuses a null in a required column or a value of the wrong kind, naming the column', () => {
    expect(() => datasetCsv(giftsDataset, [{ ...rows[0]!, giftId: null }])).toThrow(/column "giftId" is not nullable/);
    expect(() => datasetCsv(giftsDataset, [{ ...rows[0]!, amount: 12.5 }])).toThrow(/column "amount"/);
    expect(() => datasetCsv(giftsDataset, [{ ...rows[0]!, recurring: 1 }])).toThrow(/column "recurring"/);
    expect(() => datasetCsv(giftsDataset, [{ ...rows[0]!, receivedAt: '2026-01-31T10:00:00' }])).toThrow(/column "receivedAt"/);
  });
});

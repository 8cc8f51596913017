import type { DatasetDefinition, DatasetRow } from '../../domain/datasets/DatasetDefinition.js';

/** Tests only: a dataset with one column of every type, nullable and not. */
export const giftsDataset: DatasetDefinition = {
  name: 'gifts',
  description: 'One row per gift received.',
  partitionedBy: 'giftDate',
  columns: [
    { name: 'giftId', type: 'string', nullable: false, description: 'The gift’s id.' },
    { name: 'giftDate', type: 'date', nullable: false, description: 'The day the gift was paid (Danish business date).' },
    { name: 'receivedAt', type: 'timestamp', nullable: true, description: 'When the payment was registered (UTC).' },
    { name: 'amount', type: 'money', nullable: false, description: 'The amount in kroner.' },
    { name: 'fee', type: 'money', nullable: true, description: 'The payment provider’s fee in kroner, if known.' },
    { name: 'count', type: 'integer', nullable: false, description: 'Payments in the gift.' },
    { name: 'campaign', type: 'string', nullable: true, description: 'The campaign code, if any.' },
    { name: 'recurring', type: 'boolean', nullable: false, description: 'Whether the gift is part of an agreement.' },
  ],
};

/** `count` gift rows in one month, amounts 100.00, 100.01, … kr. */
export function giftRows(count: number, year = 2026, month = 1, first = 0): DatasetRow[] {
  const yyyyMm = `${year}-${String(month).padStart(2, '0')}`;
  return Array.from({ length: count }, (_, index) => {
    const n = first + index;
    const day = String((n % 28) + 1).padStart(2, '0');
    return {
      giftId: `gift-${n}`,
      giftDate: `${yyyyMm}-${day}`,
      receivedAt: n % 3 === 0 ? null : `${yyyyMm}-${day}T10:00:00Z`,
      amount: 10_000 + n,
      fee: n % 2 === 0 ? null : 150,
      count: 1,
      campaign: n % 5 === 0 ? null : `C-${n % 5}`,
      recurring: n % 2 === 0,
    };
  });
}

/** The DuckDB type each column of `giftsDataset` must read as. */
export const giftsDuckDbTypes = {
  giftId: 'VARCHAR',
  giftDate: 'DATE',
  receivedAt: 'TIMESTAMP',
  amount: 'DECIMAL(18,2)',
  fee: 'DECIMAL(18,2)',
  count: 'BIGINT',
  campaign: 'VARCHAR',
  recurring: 'BOOLEAN',
};

import { describe, expect, it } from 'vitest';
import type { Ids } from '../shared/Ids.js';
import type { OfSnapshot } from './OnlineFundraisingRecords.js';
import { canBeParent, parentsOf } from './mirrorIds.js';

const ids: Ids = { random: () => 'random', fromKey: (key) => `id(${key})` };
const updatedAt = '2026-11-01T10:00:00Z';

/** One snapshot per entity, naming every parent it can have. */
const snapshots: OfSnapshot[] = [
  { entity: 'agreement', record: { id: 'a1', updatedAt, contactId: 'c1', kind: 'membership', status: 'active', restricted: false } },
  { entity: 'subscription', record: { id: 's1', updatedAt, agreementId: 'a1', amountOre: 29_000, frequency: 'yearly', status: 'active' } },
  { entity: 'payment_method', record: { id: 'm1', updatedAt, contactId: 'c1', agreementId: 'a1', type: 'betalingsservice', status: 'active' } },
  {
    entity: 'payment',
    record: { id: 'p1', updatedAt, contactId: 'c1', agreementId: 'a1', subscriptionId: 's1', paymentMethodId: 'm1', amountOre: 29_000, status: 'pending', restricted: false },
  },
  { entity: 'add_on', record: { id: 'x1', updatedAt, agreementId: 'a1', subscriptionId: 's1', amountOre: 5_000 } },
  { entity: 'data_set', record: { id: 'd1', updatedAt, contactId: 'c1', fields: {} } },
] as OfSnapshot[];

describe('mirror relations', () => {
  it('[OnlineFundraising2] every parent a record can name is a person or an entity the mirror links children to', () => {
    const named = snapshots.flatMap((snapshot) => parentsOf(snapshot, ids).map((parent) => parent.entity));
    expect(new Set(named)).toEqual(new Set(['person', 'agreement', 'subscription', 'payment_method']));
    for (const entity of named) expect(entity === 'person' || canBeParent(entity)).toBe(true);
  });

  it('[OnlineFundraising2] payments, add-ons and data sets are leaves: nothing waits for them', () => {
    expect(['payment', 'add_on', 'data_set'].filter((entity) => canBeParent(entity as OfSnapshot['entity']))).toEqual([]);
  });
});

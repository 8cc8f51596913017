import { describe, expect, it } from 'vitest';
import type { MirrorRecord } from '../mirror/MirrorRecord.js';
import type { OfPayment } from '../mirror/OnlineFundraisingRecords.js';
import { triggerKindFor } from './triggerKindFor.js';

const payment = (status: OfPayment['status']): MirrorRecord => ({
  id: 'm',
  entity: 'payment',
  ofId: 'p',
  ofUpdatedAt: '2026-11-24T10:00:00.000Z',
  parents: [],
  waitingFor: [],
  record: { id: 'p', updatedAt: '2026-11-24T10:00:00.000Z', contactId: 'c', amountOre: 100, status, channel: 'betalingsservice' },
  createdAt: '2026-11-24T10:00:00.000Z',
  updatedAt: '2026-11-24T10:00:00.000Z',
});

describe('triggerKindFor', () => {
  it('[OnlineFundraising2] a payment that newly reached failed, rejected, refunded or confirmed raises that kind; pending raises nothing', () => {
    expect(triggerKindFor(payment('pending'), payment('failed'))).toBe('payment_failed');
    expect(triggerKindFor(undefined, payment('confirmed'))).toBe('payment_confirmed');
    expect(triggerKindFor(payment('confirmed'), payment('refunded'))).toBe('payment_refunded');
    expect(triggerKindFor(undefined, payment('pending'))).toBeUndefined();
  });

  it('[OnlineFundraising2] a status the record already had raises nothing again', () => {
    expect(triggerKindFor(payment('failed'), payment('failed'))).toBeUndefined();
  });
});

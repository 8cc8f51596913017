import { describe, expect, it } from 'vitest';
import { paymentWireSchema, subscriptionWireSchema } from './recordWireSchemas.js';

const payment = {
  id: 'pay-1',
  created_at: '2025-03-01T10:00:00.000Z',
  updated_at: '2025-03-01T10:00:00.000Z',
  contact_id: 'c-1',
  agreement_id: null,
  subscription_id: null,
  payment_method_id: null,
  amount: 15_000,
  currency: 'DKK',
  status: 'confirmed',
  status_reason: null,
  channel: 'consumer_society',
  due_date: null,
  paid_date: '2025-03-03',
  contribution_code: null,
  purpose: null,
};

describe('recordWireSchemas', () => {
  it('accepts a payment as the simulator serves it and ignores fields it does not know', () => {
    expect(paymentWireSchema.safeParse({ ...payment, receipt_number: 'R-1' }).success).toBe(true);
  });

  it('refuses amounts that are not whole øre, currencies other than DKK, and business dates with a time', () => {
    expect(paymentWireSchema.safeParse({ ...payment, amount: 150.5 }).success).toBe(false);
    expect(paymentWireSchema.safeParse({ ...payment, currency: 'EUR' }).success).toBe(false);
    expect(paymentWireSchema.safeParse({ ...payment, paid_date: '2025-03-03T10:00:00Z' }).success).toBe(false);
  });

  it('refuses a field left out, since OF sends absent values as null', () => {
    const { purpose: _purpose, ...withoutPurpose } = payment;

    expect(paymentWireSchema.safeParse(withoutPurpose).success).toBe(false);
  });

  it('refuses a status or author it does not know rather than guessing', () => {
    expect(paymentWireSchema.safeParse({ ...payment, status: 'completed' }).success).toBe(false);
    expect(
      subscriptionWireSchema.safeParse({
        id: 'sub-1',
        updated_at: '2025-03-01T10:00:00Z',
        agreement_id: 'ag-1',
        amount: 15_000,
        currency: 'DKK',
        interval: 'monthly',
        status: 'cancelled',
        next_charge_date: null,
        paused_until: null,
        cancellation_reason: null,
        cancelled_by: 'someone',
      }).success,
    ).toBe(false);
  });
});

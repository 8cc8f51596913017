import { describe, expect, it } from 'vitest';
import {
  addOnFromWire,
  agreementFromWire,
  dataSetFromWire,
  paymentFromWire,
  paymentMethodFromWire,
  subscriptionFromWire,
} from './recordsFromWire.js';
import type { AgreementWire, DataSetWire, PaymentMethodWire, PaymentWire, SubscriptionWire } from './recordWireSchemas.js';

const updated = { updated_at: '2025-03-01T11:00:00+01:00' };

const agreement: AgreementWire = {
  id: 'ag-1',
  ...updated,
  contact_id: 'c-1',
  type: 'recurring_donation',
  status: 'active',
  contribution_code: 'WEB-KLIMA-NRF',
  purpose: 'Klimaindsats',
  restricted: true,
  start_date: '2025-03-01',
  end_date: null,
  cancellation_reason: null,
};

const subscription: SubscriptionWire = {
  id: 'sub-1',
  ...updated,
  agreement_id: 'ag-1',
  amount: 15_000,
  currency: 'DKK',
  interval: 'quarterly',
  status: 'active',
  next_charge_date: '2025-04-01',
  paused_until: null,
  cancellation_reason: null,
  cancelled_by: null,
};

const payment: PaymentWire = {
  id: 'pay-1',
  ...updated,
  contact_id: 'c-1',
  agreement_id: 'ag-1',
  subscription_id: 'sub-1',
  payment_method_id: 'pm-1',
  amount: 15_000,
  currency: 'DKK',
  status: 'confirmed',
  status_reason: null,
  channel: 'mobilepay',
  due_date: '2025-03-01',
  paid_date: '2025-03-03',
  contribution_code: 'WEB-KLIMA-NRF',
  purpose: 'Klimaindsats',
};

describe('agreementFromWire', () => {
  it('[OnlineFundraising10] maps an agreement with its campaign code, purpose and earmarking, leaving null fields out', () => {
    expect(agreementFromWire(agreement)).toStrictEqual({
      id: 'ag-1',
      updatedAt: '2025-03-01T10:00:00.000Z',
      contactId: 'c-1',
      kind: 'regular_support',
      status: 'active',
      campaignCode: 'WEB-KLIMA-NRF',
      purpose: 'Klimaindsats',
      restricted: true,
      startDate: '2025-03-01',
    });
  });

  it('names OF’s agreement types in the domain’s words', () => {
    const kinds = (['membership', 'recurring_donation', 'one_off_donation'] as const).map((type) => agreementFromWire({ ...agreement, type }).kind);

    expect(kinds).toEqual(['membership', 'regular_support', 'one_off']);
  });

  it('treats blank text as absent', () => {
    const mapped = agreementFromWire({ ...agreement, contribution_code: '', purpose: '  ', cancellation_reason: '' });

    expect(mapped).not.toHaveProperty('campaignCode');
    expect(mapped).not.toHaveProperty('purpose');
    expect(mapped).not.toHaveProperty('cancellationReason');
  });
});

describe('subscriptionFromWire', () => {
  it('maps interval to frequency and amount to øre; an active subscription has no cancellation', () => {
    expect(subscriptionFromWire(subscription)).toStrictEqual({
      id: 'sub-1',
      updatedAt: '2025-03-01T10:00:00.000Z',
      agreementId: 'ag-1',
      amountOre: 15_000,
      frequency: 'quarterly',
      status: 'active',
      nextChargeDate: '2025-04-01',
    });
  });

  it('says who cancelled: the contact is the person, the organisation is MS, the bank is the bank', () => {
    const by = (['contact', 'bank', 'organisation'] as const).map(
      (cancelledBy) => subscriptionFromWire({ ...subscription, status: 'cancelled', cancelled_by: cancelledBy, cancellation_reason: 'Flytter' }).cancellation,
    );

    expect(by).toEqual([
      { reason: 'Flytter', by: 'person' },
      { reason: 'Flytter', by: 'bank' },
      { reason: 'Flytter', by: 'ms' },
    ]);
  });

  it('gives a cancelled subscription without reason or author the reason "unspecified" by MS', () => {
    expect(subscriptionFromWire({ ...subscription, status: 'cancelled' }).cancellation).toEqual({ reason: 'unspecified', by: 'ms' });
  });

  it('keeps a cancellation OF names an author for, even before the status says cancelled', () => {
    expect(subscriptionFromWire({ ...subscription, cancelled_by: 'contact' }).cancellation).toEqual({ reason: 'unspecified', by: 'person' });
  });

  it('does not read a leftover reason on a subscription that is not cancelled as a cancellation', () => {
    expect(subscriptionFromWire({ ...subscription, cancellation_reason: 'Økonomi' })).not.toHaveProperty('cancellation');
  });
});

describe('paymentMethodFromWire', () => {
  const method: PaymentMethodWire = {
    id: 'pm-1',
    ...updated,
    contact_id: 'c-1',
    agreement_id: 'ag-1',
    type: 'betalingsservice',
    status: 'rejected',
    status_reason: 'Mandate refused by the payer’s bank',
    masked_reference: '**** 1234',
  };

  it('[OnlineFundraising3] maps a payment method with its status and the channel’s reason', () => {
    expect(paymentMethodFromWire(method)).toStrictEqual({
      id: 'pm-1',
      updatedAt: '2025-03-01T10:00:00.000Z',
      contactId: 'c-1',
      agreementId: 'ag-1',
      type: 'betalingsservice',
      status: 'rejected',
      statusReason: 'Mandate refused by the payer’s bank',
      maskedReference: '**** 1234',
    });
  });

  it('[OnlineFundraising3] leaves out the agreement, reason and reference OF does not have', () => {
    expect(paymentMethodFromWire({ ...method, type: 'invoice', status: 'active', agreement_id: null, status_reason: null, masked_reference: null })).toStrictEqual({
      id: 'pm-1',
      updatedAt: '2025-03-01T10:00:00.000Z',
      contactId: 'c-1',
      type: 'invoice',
      status: 'active',
    });
  });
});

describe('paymentFromWire', () => {
  it('[OnlineFundraising2][OnlineFundraising10] maps a payment with its relations, paid date, channel, campaign code and purpose', () => {
    expect(paymentFromWire(payment)).toStrictEqual({
      id: 'pay-1',
      updatedAt: '2025-03-01T10:00:00.000Z',
      contactId: 'c-1',
      agreementId: 'ag-1',
      subscriptionId: 'sub-1',
      paymentMethodId: 'pm-1',
      amountOre: 15_000,
      status: 'confirmed',
      dueDate: '2025-03-01',
      paidDate: '2025-03-03',
      channel: 'mobilepay',
      campaignCode: 'WEB-KLIMA-NRF',
      purpose: 'Klimaindsats',
    });
  });

  it('[OnlineFundraising2] leaves the relations of a one-off payment out rather than undefined', () => {
    const oneOff = paymentFromWire({ ...payment, agreement_id: null, subscription_id: null, payment_method_id: null, contribution_code: null, purpose: null });

    expect(oneOff).toStrictEqual({
      id: 'pay-1',
      updatedAt: '2025-03-01T10:00:00.000Z',
      contactId: 'c-1',
      amountOre: 15_000,
      status: 'confirmed',
      dueDate: '2025-03-01',
      paidDate: '2025-03-03',
      channel: 'mobilepay',
    });
  });
});

describe('addOnFromWire', () => {
  it('maps an add-on to its agreement and subscription, amount in øre', () => {
    expect(
      addOnFromWire({ id: 'ao-1', ...updated, agreement_id: 'ag-1', subscription_id: null, name: 'Medlemsblad', amount: 2_500, status: 'active' }),
    ).toStrictEqual({ id: 'ao-1', updatedAt: '2025-03-01T10:00:00.000Z', agreementId: 'ag-1', name: 'Medlemsblad', amountOre: 2_500, status: 'active' });
  });
});

describe('dataSetFromWire', () => {
  const form: DataSetWire = {
    id: 'ds-1',
    ...updated,
    type: 'form',
    contact_id: 'c-1',
    phone: null,
    received_at: '2025-03-01T10:59:30+01:00',
    keyword: null,
    text: null,
    form_id: 'form-klima',
    fields: { tshirt_size: 'M', newsletter: 'ja' },
    contribution_code: 'WEB-KLIMA-NRF',
  };

  it('[OnlineFundraising1] maps a form data set with every submitted field, type as kind, instants in UTC', () => {
    expect(dataSetFromWire(form)).toStrictEqual({
      id: 'ds-1',
      updatedAt: '2025-03-01T10:00:00.000Z',
      contactId: 'c-1',
      kind: 'form',
      receivedAt: '2025-03-01T09:59:30.000Z',
      formId: 'form-klima',
      fields: { tshirt_size: 'M', newsletter: 'ja' },
      campaignCode: 'WEB-KLIMA-NRF',
    });
  });

  it('[OnlineFundraising1] maps an inbound SMS not yet linked to a contact', () => {
    const sms = dataSetFromWire({ ...form, type: 'sms_inbound', contact_id: null, phone: '+4520123456', keyword: 'KLIMA', text: 'KLIMA ja tak', form_id: null, fields: {} });

    expect(sms).not.toHaveProperty('contactId');
    expect(sms).toMatchObject({ kind: 'sms_inbound', phone: '+4520123456', keyword: 'KLIMA', text: 'KLIMA ja tak', fields: {} });
  });
});

import type { MirrorRecord, ParentLink } from '../../domain/mirror/MirrorRecord.js';
import type { OfSnapshot } from '../../domain/mirror/OnlineFundraisingRecords.js';

/** Test data: mirror records of the six OF entities, linked to one person and to each other. */

type Of<E extends OfSnapshot['entity']> = Extract<OfSnapshot, { entity: E }>;

/** The person (and contact) the records belong to; the same id as `aPerson()`. */
export const personId = '5d1c2a9e-7c1f-4a51-9a0e-000000000001';

export const mirrorIds = {
  agreement: '7a000000-0000-4000-8000-000000000001',
  subscription: '7b000000-0000-4000-8000-000000000001',
  paymentMethod: '7c000000-0000-4000-8000-000000000001',
  payment: '7d000000-0000-4000-8000-000000000001',
  addOn: '7e000000-0000-4000-8000-000000000001',
  dataSet: '7f000000-0000-4000-8000-000000000001',
};

const ofUpdatedAt = '2024-06-01T08:30:00Z';
const person: ParentLink = { entity: 'person', id: personId };
const agreement: ParentLink = { entity: 'agreement', id: mirrorIds.agreement };
const subscription: ParentLink = { entity: 'subscription', id: mirrorIds.subscription };
const paymentMethod: ParentLink = { entity: 'payment_method', id: mirrorIds.paymentMethod };

function mirrorRecord<S extends OfSnapshot>(snapshot: S, id: string, parents: ParentLink[], overrides: Partial<MirrorRecord<S>>): MirrorRecord<S> {
  const personLink = parents.find((parent) => parent.entity === 'person');
  return {
    id,
    entity: snapshot.entity,
    ofId: snapshot.record.id,
    ofUpdatedAt,
    ...(personLink && { personId: personLink.id }),
    parents,
    waitingFor: [],
    record: snapshot.record,
    crm: { pending: true, pendingSince: '2024-06-01T08:31:00.000Z' },
    createdAt: '2024-06-01T08:31:00.000Z',
    updatedAt: '2024-06-01T08:31:00.000Z',
    ...overrides,
  };
}

export function anAgreement(overrides: Partial<MirrorRecord<Of<'agreement'>>> = {}): MirrorRecord<Of<'agreement'>> {
  const record = {
    id: 'of-agr-1',
    updatedAt: ofUpdatedAt,
    contactId: 'of-contact-81',
    kind: 'regular_support',
    status: 'active',
    campaignCode: 'SOMMER24',
    purpose: 'Skoler i Kenya',
    restricted: true,
    startDate: '2024-06-01',
  } as const;
  return mirrorRecord({ entity: 'agreement', record }, mirrorIds.agreement, [person], overrides);
}

export function aSubscription(overrides: Partial<MirrorRecord<Of<'subscription'>>> = {}): MirrorRecord<Of<'subscription'>> {
  const record = {
    id: 'of-sub-1',
    updatedAt: ofUpdatedAt,
    agreementId: 'of-agr-1',
    amountOre: 15050,
    frequency: 'monthly',
    status: 'active',
    nextChargeDate: '2024-07-01',
  } as const;
  return mirrorRecord({ entity: 'subscription', record }, mirrorIds.subscription, [agreement], overrides);
}

export function aPaymentMethod(overrides: Partial<MirrorRecord<Of<'payment_method'>>> = {}): MirrorRecord<Of<'payment_method'>> {
  const record = {
    id: 'of-pm-1',
    updatedAt: ofUpdatedAt,
    contactId: 'of-contact-81',
    agreementId: 'of-agr-1',
    type: 'betalingsservice',
    status: 'active',
    maskedReference: '**** 1234',
  } as const;
  return mirrorRecord({ entity: 'payment_method', record }, mirrorIds.paymentMethod, [person, agreement], overrides);
}

export function aPayment(overrides: Partial<MirrorRecord<Of<'payment'>>> = {}): MirrorRecord<Of<'payment'>> {
  const record = {
    id: 'of-pay-1',
    updatedAt: ofUpdatedAt,
    contactId: 'of-contact-81',
    agreementId: 'of-agr-1',
    subscriptionId: 'of-sub-1',
    paymentMethodId: 'of-pm-1',
    amountOre: 15050,
    status: 'confirmed',
    dueDate: '2024-07-01',
    paidDate: '2024-07-02',
    channel: 'betalingsservice',
    campaignCode: 'SOMMER24',
    purpose: 'Skoler i Kenya',
  } as const;
  return mirrorRecord({ entity: 'payment', record }, mirrorIds.payment, [person, agreement, subscription, paymentMethod], overrides);
}

export function anAddOn(overrides: Partial<MirrorRecord<Of<'add_on'>>> = {}): MirrorRecord<Of<'add_on'>> {
  const record = {
    id: 'of-add-1',
    updatedAt: ofUpdatedAt,
    agreementId: 'of-agr-1',
    subscriptionId: 'of-sub-1',
    name: 'Ekstra skolebøger',
    amountOre: 2500,
    status: 'active',
  } as const;
  return mirrorRecord({ entity: 'add_on', record }, mirrorIds.addOn, [agreement, subscription], overrides);
}

export function aDataSet(overrides: Partial<MirrorRecord<Of<'data_set'>>> = {}): MirrorRecord<Of<'data_set'>> {
  const record = {
    id: 'of-ds-1',
    updatedAt: ofUpdatedAt,
    contactId: 'of-contact-81',
    kind: 'sms_inbound',
    phone: '+4512345678',
    receivedAt: '2024-06-01T08:29:59Z',
    keyword: 'STOT',
    text: 'STOT 100',
    fields: { text: 'STOT 100', keyword: 'STOT' },
  } as const;
  return mirrorRecord({ entity: 'data_set', record }, mirrorIds.dataSet, [person], overrides);
}

/** The six kinds, parents before children. */
export function oneOfEachKind(): MirrorRecord[] {
  return [anAgreement(), aSubscription(), aPaymentMethod(), aPayment(), anAddOn(), aDataSet()];
}

/** `count` SMS data sets without a contact (no lookups), each with its own id. */
export function manyDataSets(count: number): MirrorRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const id = `7f100000-0000-4000-8000-${(index + 1).toString(16).padStart(12, '0')}`;
    const record = { id: `of-ds-${index + 1}`, updatedAt: ofUpdatedAt, kind: 'sms_inbound', receivedAt: ofUpdatedAt, text: `STOT ${index + 1}`, fields: {} } as const;
    return mirrorRecord({ entity: 'data_set', record }, id, [], {});
  });
}

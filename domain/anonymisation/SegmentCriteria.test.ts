import { describe, expect, it } from 'vitest';
import type { Person } from '../person/Person.js';
import type { EngagementFacts } from './engagement.js';
import { assertCriteria, inSegment } from './SegmentCriteria.js';
import { summaryOf } from './engagementSummary.js';

const person = (createdAt: string, extra: Partial<Person> = {}): Person => ({
  id: 'p-1',
  firstName: 'Stille',
  lastName: 'Sørensen',
  emails: [],
  phones: {},
  rejectedPhones: [],
  createdAt,
  updatedAt: createdAt,
  ...extra,
});
const none: EngagementFacts = { payments: [], signatures: [], formSubmissions: [], consentEntries: [], inboundSms: [] };

describe('[GDPR1] who a segment takes', () => {
  it('[GDPR1] silent since the date: an act the day before counts as silence, an act on the day does not', () => {
    const criteria = { noEngagementSince: '2021-01-01' };
    expect(inSegment(person('2019-05-01T10:00:00Z'), summaryOf({ ...none, signatures: [{ signedAt: '2020-12-31T22:30:00Z' }] }), criteria)).toBe(true);
    // 23:30 UTC on 31 December is 1 January in Copenhagen.
    expect(inSegment(person('2019-05-01T10:00:00Z'), summaryOf({ ...none, signatures: [{ signedAt: '2020-12-31T23:30:00Z' }] }), criteria)).toBe(false);
  });

  it('[GDPR1] a person first seen on or after the date has not been silent since it, even with no acts at all', () => {
    expect(inSegment(person('2020-12-31T12:00:00Z'), summaryOf(none), { noEngagementSince: '2021-01-01' })).toBe(true);
    expect(inSegment(person('2021-01-01T12:00:00Z'), summaryOf(none), { noEngagementSince: '2021-01-01' })).toBe(false);
  });

  it('[GDPR1] both criteria must hold; a refund is no payment; anonymised and merged persons are never taken', () => {
    const facts = { ...none, payments: [{ paymentDate: '2022-03-01', amountOre: -5_000 }], signatures: [{ signedAt: '2024-01-01T10:00:00Z' }] };
    const old = person('2019-01-01T10:00:00Z');
    expect(inSegment(old, summaryOf(facts), { noPaymentSince: '2021-01-01' })).toBe(true);
    expect(inSegment(old, summaryOf(facts), { noPaymentSince: '2021-01-01', noEngagementSince: '2023-01-01' })).toBe(false);
    expect(inSegment(person('2019-01-01T10:00:00Z', { mergedInto: 'p-2' }), summaryOf(none), { noPaymentSince: '2021-01-01' })).toBe(false);
  });

  it('[GDPR1] a segment without criteria is refused, naming the field', () => {
    expect(() => assertCriteria({})).toThrowError(expect.objectContaining({ fields: [{ field: 'criteria', problem: expect.any(String) }] }));
  });
});

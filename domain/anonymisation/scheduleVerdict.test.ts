import { describe, expect, it } from 'vitest';
import type { Person } from '../person/Person.js';
import { type AnonymisationRules, defaultAnonymisationRules } from './AnonymisationRules.js';
import { type ScheduleFacts, scheduleVerdict } from './scheduleVerdict.js';

const rules: AnonymisationRules = { ...defaultAnonymisationRules, enabled: true, doNotContactAfterYears: 3, anonymiseAfterYears: 5, updatedAt: '2026-01-01T00:00:00Z' };
const person = (createdAt: string): Person => ({ id: 'p-1', firstName: 'Tavs', lastName: 'Tavsen', emails: [], phones: {}, rejectedPhones: [], createdAt, updatedAt: createdAt });
const none: ScheduleFacts = { payments: [], signatures: [], formSubmissions: [], consentEntries: [], inboundSms: [], agreements: [] };

describe('[CARE-Anon] the schedule\'s verdict on a person', () => {
  it('[CARE-Anon] silent exactly the years of the rules counts; a day less does not', () => {
    const signedOn = (day: string) => ({ ...none, signatures: [{ signedAt: `${day}T10:00:00Z` }] });
    const old = person('2015-01-01T10:00:00Z');
    expect(scheduleVerdict(old, signedOn('2021-06-15'), rules, '2026-06-15')).toMatchObject({ silentSince: '2021-06-15', candidate: true, doNotContact: true });
    expect(scheduleVerdict(old, signedOn('2021-06-16'), rules, '2026-06-15')).toMatchObject({ candidate: false, doNotContact: true });
    expect(scheduleVerdict(old, signedOn('2023-06-16'), rules, '2026-06-15')).toMatchObject({ candidate: false, doNotContact: false });
  });

  it('[CARE-Anon] someone who never engaged is silent since they were first seen', () => {
    expect(scheduleVerdict(person('2020-03-01T10:00:00Z'), none, rules, '2026-11-25')).toMatchObject({ silentSince: '2020-03-01', candidate: true });
    expect(scheduleVerdict(person('2022-03-01T10:00:00Z'), none, rules, '2026-11-25')).toMatchObject({ candidate: false, doNotContact: true });
  });

  it('[CARE-Anon] each exclusion keeps a silent person from both "do not contact" and anonymisation, and says why', () => {
    const old = person('2015-01-01T10:00:00Z');
    const running = scheduleVerdict(old, { ...none, agreements: [{ status: 'paused' }, { status: 'cancelled' }] }, rules, '2026-11-25');
    expect(running).toMatchObject({ candidate: false, doNotContact: false, excludedBy: ['running agreement'] });
    const refund = { paymentDate: '2019-01-10', amountOre: -10_000, posting: { state: 'to_post' as const } };
    expect(scheduleVerdict(old, { ...none, payments: [refund] }, rules, '2026-11-25').excludedBy).toEqual(['pending refund']);
    expect(scheduleVerdict(old, { ...none, payments: [{ ...refund, posting: { state: 'already_posted', reason: 'x' } }] }, rules, '2026-11-25')).toMatchObject({ candidate: true, excludedBy: [] });
    expect(scheduleVerdict(old, none, { ...rules, exclusions: [] }, '2026-11-25')).toMatchObject({ candidate: true });
  });
});

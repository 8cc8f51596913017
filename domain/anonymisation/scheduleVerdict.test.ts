import { describe, expect, it } from 'vitest';
import type { Person } from '../person/Person.js';
import { type AnonymisationRules, defaultAnonymisationRules } from './AnonymisationRules.js';
import type { LedgerPayment } from '../bookkeeping/LedgerPayment.js';
import type { EngagementFacts } from './engagement.js';
import { summaryOf } from './engagementSummary.js';
import { type ExclusionFacts, scheduleVerdict } from './scheduleVerdict.js';

const rules: AnonymisationRules = { ...defaultAnonymisationRules, enabled: true, doNotContactAfterYears: 3, anonymiseAfterYears: 5, updatedAt: '2026-01-01T00:00:00Z' };
const person = (createdAt: string): Person => ({ id: 'p-1', firstName: 'Tavs', lastName: 'Tavsen', emails: [], phones: {}, rejectedPhones: [], createdAt, updatedAt: createdAt });
type Facts = Omit<Partial<EngagementFacts>, 'payments'> & ExclusionFacts & { payments: readonly Pick<LedgerPayment, 'paymentDate' | 'amountOre' | 'posting'>[] };
const none: Facts = { payments: [], agreements: [] };
/** The verdict on everything known of the person, as the job reads it: the summary of their acts, and the exclusions' facts. */
const verdict = (who: Person, facts: Facts, today: string, with_: AnonymisationRules = rules) => scheduleVerdict(who, summaryOf(facts), facts, with_, today);

describe('[CARE-Anon] the schedule\'s verdict on a person', () => {
  it('[CARE-Anon] silent exactly the years of the rules counts; a day less does not', () => {
    const signedOn = (day: string) => ({ ...none, signatures: [{ signedAt: `${day}T10:00:00Z` }] });
    const old = person('2015-01-01T10:00:00Z');
    expect(verdict(old, signedOn('2021-06-15'), '2026-06-15')).toMatchObject({ silentSince: '2021-06-15', candidate: true, doNotContact: true });
    expect(verdict(old, signedOn('2021-06-16'), '2026-06-15')).toMatchObject({ candidate: false, doNotContact: true });
    expect(verdict(old, signedOn('2023-06-16'), '2026-06-15')).toMatchObject({ candidate: false, doNotContact: false });
  });

  it('[CARE-Anon] someone who never engaged is silent since they were first seen', () => {
    expect(verdict(person('2020-03-01T10:00:00Z'), none, '2026-11-25')).toMatchObject({ silentSince: '2020-03-01', candidate: true });
    expect(verdict(person('2022-03-01T10:00:00Z'), none, '2026-11-25')).toMatchObject({ candidate: false, doNotContact: true });
  });

  it('[CARE-Anon] each exclusion keeps a silent person from both "do not contact" and anonymisation, and says why', () => {
    const old = person('2015-01-01T10:00:00Z');
    const running = verdict(old, { ...none, agreements: [{ status: 'paused' }, { status: 'cancelled' }] }, '2026-11-25');
    expect(running).toMatchObject({ candidate: false, doNotContact: false, excludedBy: ['running agreement'] });
    const refund = { paymentDate: '2019-01-10', amountOre: -10_000, posting: { state: 'to_post' as const } };
    expect(verdict(old, { ...none, payments: [refund] }, '2026-11-25').excludedBy).toEqual(['pending refund']);
    expect(verdict(old, { ...none, payments: [{ ...refund, posting: { state: 'already_posted', reason: 'x' } }] }, '2026-11-25')).toMatchObject({ candidate: true, excludedBy: [] });
    expect(verdict(old, none, '2026-11-25', { ...rules, exclusions: [] })).toMatchObject({ candidate: true });
  });
});

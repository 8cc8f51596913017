import type { LedgerPayment } from '../bookkeeping/LedgerPayment.js';
import type { Person } from '../person/Person.js';
import { addMonths } from '../shared/businessDates.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import type { AnonymisationExclusion, AnonymisationRules } from './AnonymisationRules.js';
import type { EngagementSummary } from './engagementSummary.js';

/** What the exclusions need besides the engagement summary: read only for people silent long enough to matter. */
export interface ExclusionFacts {
  payments: readonly Pick<LedgerPayment, 'amountOre' | 'posting'>[];
  agreements: readonly { status?: string }[];
}

export interface ScheduleVerdict {
  silentSince: string;
  doNotContact: boolean;
  /** Silent long enough to anonymise and no exclusion applies. */
  candidate: boolean;
  /** The exclusions that keep the person, in words. */
  excludedBy: string[];
}

/** The day the person's silence began: their last engagement, or when first seen if they never engaged. */
export function silentSince(person: Person, engagement: EngagementSummary): string {
  const firstSeen = copenhagenDateOf(new Date(person.createdAt));
  return engagement.lastEngagement && engagement.lastEngagement > firstSeen ? engagement.lastEngagement : firstSeen;
}

/** Whether the silence is long enough for the first of the rules' periods, so the exclusions must be read. */
export function silentForDoNotContact(person: Person, engagement: EngagementSummary, rules: AnonymisationRules, today: string): boolean {
  return silentSince(person, engagement) <= addMonths(today, -12 * rules.doNotContactAfterYears);
}

/**
 * [CARE-Anon] What the rules say of a person on `today`: silent since when, "do not contact", a
 * candidate, or kept by an exclusion. An exclusion keeps the person from both: someone with a running
 * agreement still has a relationship with MS, even when they have not acted lately.
 */
export function scheduleVerdict(person: Person, engagement: EngagementSummary, facts: ExclusionFacts, rules: AnonymisationRules, today: string): ScheduleVerdict {
  const since = silentSince(person, engagement);
  const silentFor = (years: number) => since <= addMonths(today, -12 * years);
  const excludedBy = rules.exclusions.flatMap((exclusion) => (applies(exclusion, engagement, facts, today) ? [describe(exclusion)] : []));
  const kept = excludedBy.length > 0;
  return { silentSince: since, doNotContact: silentFor(rules.doNotContactAfterYears) && !kept, candidate: silentFor(rules.anonymiseAfterYears) && !kept, excludedBy };
}

function applies(exclusion: AnonymisationExclusion, engagement: EngagementSummary, facts: ExclusionFacts, today: string): boolean {
  switch (exclusion.kind) {
    case 'running-agreement':
      return facts.agreements.some((agreement) => agreement.status === 'pending' || agreement.status === 'active' || agreement.status === 'paused');
    case 'payment-within':
      return engagement.lastPayment !== undefined && engagement.lastPayment > addMonths(today, -exclusion.months);
    case 'pending-refund':
      return facts.payments.some((payment) => payment.amountOre < 0 && payment.posting.state === 'to_post');
  }
}

function describe(exclusion: AnonymisationExclusion): string {
  return exclusion.kind === 'payment-within' ? `a payment within ${exclusion.months} months` : exclusion.kind.replace('-', ' ');
}

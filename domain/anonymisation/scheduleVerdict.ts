import type { LedgerPayment } from '../bookkeeping/LedgerPayment.js';
import type { Person } from '../person/Person.js';
import { addMonths } from '../shared/businessDates.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import type { AnonymisationExclusion, AnonymisationRules } from './AnonymisationRules.js';
import { type EngagementFacts, lastEngagement } from './engagement.js';

export interface ScheduleFacts extends Omit<EngagementFacts, 'payments'> {
  payments: readonly Pick<LedgerPayment, 'paymentDate' | 'amountOre' | 'posting'>[];
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

/**
 * [CARE-Anon] What the rules say of a person on `today`: silent since when, "do not contact", a
 * candidate, or kept by an exclusion. An exclusion keeps the person from both: someone with a running
 * agreement still has a relationship with MS, even when they have not acted lately.
 */
export function scheduleVerdict(person: Person, facts: ScheduleFacts, rules: AnonymisationRules, today: string): ScheduleVerdict {
  const firstSeen = copenhagenDateOf(new Date(person.createdAt));
  const last = lastEngagement(facts)?.on;
  const silentSince = last && last > firstSeen ? last : firstSeen;
  const silentFor = (years: number) => silentSince <= addMonths(today, -12 * years);
  const excludedBy = rules.exclusions.flatMap((exclusion) => (applies(exclusion, facts, today) ? [describe(exclusion)] : []));
  const kept = excludedBy.length > 0;
  return { silentSince, doNotContact: silentFor(rules.doNotContactAfterYears) && !kept, candidate: silentFor(rules.anonymiseAfterYears) && !kept, excludedBy };
}

function applies(exclusion: AnonymisationExclusion, facts: ScheduleFacts, today: string): boolean {
  switch (exclusion.kind) {
    case 'running-agreement':
      return facts.agreements.some((agreement) => agreement.status === 'pending' || agreement.status === 'active' || agreement.status === 'paused');
    case 'payment-within':
      return facts.payments.some((payment) => payment.amountOre > 0 && payment.paymentDate > addMonths(today, -exclusion.months));
    case 'pending-refund':
      return facts.payments.some((payment) => payment.amountOre < 0 && payment.posting.state === 'to_post');
  }
}

function describe(exclusion: AnonymisationExclusion): string {
  return exclusion.kind === 'payment-within' ? `a payment within ${exclusion.months} months` : exclusion.kind.replace('-', ' ');
}

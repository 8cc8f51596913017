import type { Person } from '../person/Person.js';
import { isAnonymised } from '../person/Person.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import type { EngagementSummary } from './engagementSummary.js';
import { InvalidAnonymisationRequestError } from './errors.js';

/**
 * [GDPR1] Who a segment anonymisation takes, by dates (business dates, YYYY-MM-DD, Europe/Copenhagen):
 * nobody engaged ([CARE-Anon] engagement) on or after `noEngagementSince`, nobody paid on or after
 * `noPaymentSince`. Both given: both must hold. A person first seen on or after a date has not been
 * silent since it, so they are not taken.
 */
export interface SegmentCriteria {
  noEngagementSince?: string;
  noPaymentSince?: string;
}

/** A segment needs at least one criterion: "everyone" is never what staff mean. */
export function assertCriteria(criteria: SegmentCriteria): void {
  if (!criteria.noEngagementSince && !criteria.noPaymentSince) {
    throw new InvalidAnonymisationRequestError([{ field: 'criteria', problem: 'give noEngagementSince, noPaymentSince or both' }]);
  }
}

export function inSegment(person: Person, engagement: EngagementSummary, criteria: SegmentCriteria): boolean {
  if (isAnonymised(person) || person.mergedInto) return false;
  const firstSeen = copenhagenDateOf(new Date(person.createdAt));
  const silentSince = (date: string | undefined, last: string | undefined) => date === undefined || ((last ?? '') < date && firstSeen < date);
  return silentSince(criteria.noEngagementSince, engagement.lastEngagement) && silentSince(criteria.noPaymentSince, engagement.lastPayment);
}

import type { FormSubmission } from '../forms/FormSubmission.js';
import type { IdentityCandidate } from './IdentityCandidate.js';

/** Where parked data came from; processing it again starts from the source, which holds the truth. */
export interface ParkedSource {
  kind: 'onlinefundraising-contact' | 'drupal-submission' | 'imported-submission';
  /** The OF contact id, or `<formId>:<submissionId>` of a Drupal submission or an imported row. */
  id: string;
}

export type ReviewDecision = { kind: 'merge'; into: string } | { kind: 'not-duplicate' };

/**
 * [CARE-Dedupe] A question for a reviewer: incoming data matched more than one person, or matched by
 * a review rule. The data waits (parked) until the case is decided, then is processed again.
 */
export interface DuplicateReview {
  /** Derived from the source, so the same incoming data never opens two cases. */
  id: string;
  status: 'open' | 'decided' | 'resolved-automatically';
  source: ParkedSource;
  /** The person the incoming data would be if it were nobody else (its own id). */
  incomingPersonId: string;
  candidate: IdentityCandidate;
  /** The persons it may be, and the rules that found them. */
  matches: string[];
  ruleIds: string[];
  openedAt: string;
  /** Last time the parked data was tried again. */
  retriedAt?: string;
  decision?: ReviewDecision & { by: string; at: string };
  /** An imported row, which no source can give again, waits here. */
  parkedSubmission?: FormSubmission;
}

export function reviewIdFor(source: ParkedSource): string {
  return `review-${source.kind}-${source.id}`;
}

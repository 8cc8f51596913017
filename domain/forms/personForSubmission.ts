import { type ParkedSource, reviewIdFor } from '../identity/DuplicateReview.js';
import { candidateOf } from '../identity/IdentityCandidate.js';
import type { DuplicateReviewStore } from '../identity/ports.js';
import { type ResolvePorts, resolveIdentity } from '../identity/resolveIdentity.js';
import { survivorOf } from '../identity/survivorOf.js';
import type { Person } from '../person/Person.js';
import type { Clock } from '../shared/Clock.js';
import type { FormSubmission } from './FormSubmission.js';

export type SubmissionTarget = { kind: 'new' } | { kind: 'existing'; personId: string } | { kind: 'parked'; reviewId: string };

/**
 * [CARE-Dedupe] Who a form's person is, through the same resolver as every other source: nobody →
 * new; one person → them; unclear → a review case, and the submission waits until it is decided.
 * A submission processed before (an update) goes to the person it made, or their survivor.
 */
export async function personForSubmission(
  incoming: Person,
  source: ParkedSource,
  submission: FormSubmission,
  ports: ResolvePorts & { reviews: DuplicateReviewStore; clock: Clock },
): Promise<SubmissionTarget> {
  const known = await survivorOf(incoming.id, ports);
  if (known) return { kind: 'existing', personId: known };
  const review = await ports.reviews.get(reviewIdFor(source));
  if (review?.value.status === 'open') return { kind: 'parked', reviewId: review.value.id };
  if (review?.value.decision?.kind === 'merge') return { kind: 'existing', personId: (await survivorOf(review.value.decision.into, ports)) ?? review.value.decision.into };
  const resolution = await resolveIdentity(candidateOf(incoming), ports, incoming.id);
  if (resolution.outcome === 'new') return { kind: 'new' };
  if (resolution.outcome === 'match') return { kind: 'existing', personId: resolution.personId };
  const reviewId = reviewIdFor(source);
  await ports.reviews.create({
    id: reviewId,
    status: 'open',
    source,
    incomingPersonId: incoming.id,
    candidate: candidateOf(incoming),
    matches: resolution.personIds,
    ruleIds: resolution.ruleIds,
    openedAt: ports.clock.now().toISOString(),
    // An imported row has no source to read it from again: it waits in the case itself.
    ...(source.kind === 'imported-submission' && { parkedSubmission: submission }),
  });
  return { kind: 'parked', reviewId };
}

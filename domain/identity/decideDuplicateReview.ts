import type { Clock } from '../shared/Clock.js';
import type { Logger } from '../shared/Logger.js';
import { ConcurrencyConflictError, NotFoundError } from '../shared/errors.js';
import type { DuplicateReview, ReviewDecision } from './DuplicateReview.js';
import { NotAProposedMatchError, ReviewAlreadyDecidedError } from './errors.js';
import type { DuplicateReviewStore, NotDuplicateRegister } from './ports.js';
import { type ReleasePorts, releaseParked } from './releaseParked.js';

export interface DecidePorts extends ReleasePorts {
  reviews: DuplicateReviewStore;
  notDuplicates: NotDuplicateRegister;
  clock: Clock;
  logger: Logger;
}

/**
 * [CARE-Dedupe][OnlineFundraising13] A reviewer decides a case: the incoming data is one of the
 * proposed persons (it is then attached to them), or nobody proposed (each pair is remembered and
 * never proposed again). The parked data is then processed again.
 */
export async function decideDuplicateReview(reviewId: string, decision: ReviewDecision, by: string, ports: DecidePorts): Promise<DuplicateReview> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.reviews.get(reviewId);
    if (!stored) throw new NotFoundError(`no duplicate review ${reviewId}`);
    const review = stored.value;
    if (review.status !== 'open') throw new ReviewAlreadyDecidedError(`duplicate review ${reviewId} is ${review.status}`);
    if (decision.kind === 'merge' && !review.matches.includes(decision.into)) {
      throw new NotAProposedMatchError(`person ${decision.into} is not one of the matches of review ${reviewId}: ${review.matches.join(', ')}`);
    }
    const at = ports.clock.now().toISOString();
    // Remembered first: if saving the decision fails, the pairs are still kept apart.
    if (decision.kind === 'not-duplicate') {
      for (const match of review.matches) await ports.notDuplicates.mark(review.incomingPersonId, match, { by, at });
    }
    const decided: DuplicateReview = { ...review, status: 'decided', decision: { ...decision, by, at } };
    if ((await ports.reviews.replace(decided, stored.etag)) !== 'replaced') continue;
    ports.logger.info('duplicate review decided', { reviewId, decision: decision.kind, by });
    await releaseParked(decided, 'decided', ports);
    return decided;
  }
  throw new ConcurrencyConflictError(`duplicate review ${reviewId} changed concurrently 5 times in a row`);
}

import type { Logger } from '../shared/Logger.js';
import type { DuplicateReview } from './DuplicateReview.js';
import type { DuplicateReviewStore } from './ports.js';
import { type ReleasePorts, releaseParked } from './releaseParked.js';
import { type ResolvePorts, resolveIdentity } from './resolveIdentity.js';

export interface RetryParkedPorts extends ResolvePorts, ReleasePorts {
  reviews: DuplicateReviewStore;
  logger: Logger;
}

/**
 * [CARE-Dedupe] Parked data is tried again periodically: the question may have gone away (the
 * proposed persons were merged meanwhile, or the rules changed). Then the case closes by itself and
 * the data is processed; otherwise the case stays open with the persons it now proposes.
 */
export async function retryParked(ports: RetryParkedPorts, options: { maxCases: number }): Promise<{ open: number; released: number }> {
  const open = await ports.reviews.findOpen(options.maxCases);
  let released = 0;
  for (const { value: review, etag } of open) {
    const resolution = await resolveIdentity(review.candidate, ports, review.incomingPersonId);
    const retriedAt = ports.clock.now().toISOString();
    const updated: DuplicateReview =
      resolution.outcome === 'review'
        ? { ...review, matches: resolution.personIds, ruleIds: resolution.ruleIds, retriedAt }
        : { ...review, status: 'resolved-automatically', retriedAt };
    // 'stale': a reviewer decided meanwhile; their decision stands.
    if ((await ports.reviews.replace(updated, etag)) !== 'replaced' || updated.status === 'open') continue;
    await releaseParked(updated, 'resolved-automatically', ports);
    released++;
  }
  if (open.length > 0) ports.logger.info('parked duplicate reviews retried', { open: open.length, released });
  return { open: open.length - released, released };
}

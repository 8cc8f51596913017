import type { WorkQueue } from '../messaging/WorkItem.js';
import { drupalNotificationKind } from '../forms/DrupalNotification.js';
import { importedSubmissionKind } from '../forms/importSubmissions.js';
import { onlineFundraisingNotificationKind } from '../onlinefundraising/OnlineFundraisingNotification.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import type { DuplicateReview } from './DuplicateReview.js';

export interface ReleasePorts {
  onlineFundraisingInbox: WorkQueue;
  drupalInbox: WorkQueue;
  formImports: WorkQueue;
  ids: Ids;
  clock: Clock;
}

/** Parked data is processed again from its source, like a fresh notification of a change there. */
export async function releaseParked(review: DuplicateReview, reason: string, ports: ReleasePorts): Promise<void> {
  const now = ports.clock.now().toISOString();
  const notificationId = `${review.id}:${reason}:${now}`;
  if (review.source.kind === 'imported-submission' && review.parkedSubmission) {
    await ports.formImports.enqueue({
      messageId: ports.ids.fromKey(`duplicate-review-release:${notificationId}`),
      kind: importedSubmissionKind,
      body: review.parkedSubmission,
      enqueuedAt: now,
    });
    return;
  }
  if (review.source.kind === 'drupal-submission') {
    const [formId, submissionId] = review.source.id.split(':') as [string, string];
    await ports.drupalInbox.enqueue({
      messageId: ports.ids.fromKey(`duplicate-review-release:${notificationId}`),
      kind: drupalNotificationKind,
      body: { notificationId, formId, submissionId, event: 'updated', occurredAt: now },
      enqueuedAt: now,
    });
    return;
  }
  await ports.onlineFundraisingInbox.enqueue({
    messageId: ports.ids.fromKey(`duplicate-review-release:${notificationId}`),
    kind: onlineFundraisingNotificationKind,
    body: { notificationId, entity: 'contact', entityId: review.source.id, event: 'updated', occurredAt: now },
    enqueuedAt: now,
  });
}

import type { WorkQueue } from '../messaging/WorkItem.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import type { MergeOrigin } from './mergePersons.js';

export const personMergeKind = 'person-merge';

export interface PersonMergeRequest {
  survivorPersonId: string;
  mergedPersonId: string;
  origin: MergeOrigin;
  /** The staff user (CRM user id or admin API caller) who asked. */
  requestedBy: string;
}

/**
 * [OnlineFundraising13] A merge asked for by staff (admin API, or in Dynamics) is queued and done
 * later, with retries: it calls OF and the CRM. The same request twice is one message id.
 */
export async function requestMerge(request: PersonMergeRequest, ports: { mergeQueue: WorkQueue; ids: Ids; clock: Clock }): Promise<{ messageId: string }> {
  const messageId = ports.ids.fromKey(`person-merge:${request.survivorPersonId}:${request.mergedPersonId}`);
  await ports.mergeQueue.enqueue({ messageId, kind: personMergeKind, body: request, enqueuedAt: ports.clock.now().toISOString() });
  return { messageId };
}

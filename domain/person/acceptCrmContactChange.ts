import type { WorkQueue } from '../messaging/WorkItem.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import type { CrmContactChange } from './applyCrmContactChange.js';

export const crmContactChangeKind = 'crm-contact-change';

/** [OnlineFundraising12] A change staff made in the CRM is queued and applied later, with retries. */
export async function acceptCrmContactChange(
  change: CrmContactChange,
  ports: { crmChangeQueue: WorkQueue; ids: Ids; clock: Clock },
): Promise<{ messageId: string }> {
  const now = ports.clock.now().toISOString();
  const messageId = ports.ids.random();
  await ports.crmChangeQueue.enqueue({ messageId, kind: crmContactChangeKind, body: change, enqueuedAt: now });
  return { messageId };
}

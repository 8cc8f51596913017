import { linkWaitingChildren } from '../mirror/linkWaitingChildren.js';
import { refreshSupporterKind } from '../mirror/refreshSupporterKind.js';
import { type MirrorPorts, syncMirroredEntity } from '../mirror/syncMirroredEntity.js';
import { type SyncPersonPorts, syncPersonFromOnlineFundraising } from '../person/syncPersonFromOnlineFundraising.js';
import type { OnlineFundraisingNotification } from './OnlineFundraisingNotification.js';

export type ProcessNotificationPorts = SyncPersonPorts & MirrorPorts;

/** Does the work a queued OF notification stands for: a contact becomes a person, the rest is mirrored. */
export async function processOnlineFundraisingNotification(
  notification: OnlineFundraisingNotification,
  ports: ProcessNotificationPorts,
): Promise<void> {
  if (notification.entity === 'contact') {
    const { personId } = await syncPersonFromOnlineFundraising(notification.entityId, ports);
    await linkWaitingChildren(personId, ports);
    // Their agreements may have arrived before them.
    await refreshSupporterKind(personId, ports);
    return;
  }
  const { personId } = await syncMirroredEntity(notification.entity, notification.entityId, ports);
  if (notification.entity === 'agreement' && personId) await refreshSupporterKind(personId, ports);
}

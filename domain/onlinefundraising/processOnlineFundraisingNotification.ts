import { type SyncPersonPorts, type SyncResult, syncPersonFromOnlineFundraising } from '../person/syncPersonFromOnlineFundraising.js';
import type { OnlineFundraisingNotification } from './OnlineFundraisingNotification.js';

export type ProcessNotificationPorts = SyncPersonPorts;

/** Does the work a queued OF notification stands for, by entity. */
export function processOnlineFundraisingNotification(
  notification: OnlineFundraisingNotification,
  ports: ProcessNotificationPorts,
): Promise<SyncResult> {
  switch (notification.entity) {
    case 'contact':
      return syncPersonFromOnlineFundraising(notification.entityId, ports);
  }
}

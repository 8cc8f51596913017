/** [Dialer4][Dialer5] What the dialer notified: a lead closed or a task made. It carries ids only; the state is read from the dialer. */
export interface DialerNotification {
  id: string;
  type: 'lead.closed' | 'task.created';
  dialerLeadId?: string;
  taskId?: string;
  occurredAt: string;
}

export const dialerNotificationKind = 'dialer-notification';

/** OF's core entities, as named in its notifications. */
export const onlineFundraisingEntities = [
  'contact',
  'agreement',
  'subscription',
  'payment_method',
  'payment',
  'add_on',
  'data_set',
] as const;
export type OnlineFundraisingEntity = (typeof onlineFundraisingEntities)[number];

/**
 * What OF notifies about: the core entities, and the outbound SMS whose delivery status changed
 * ([OnlineFundraising7]; not mirrored, it belongs to the engine's own message).
 */
export const onlineFundraisingNotifiedEntities = [...onlineFundraisingEntities, 'sms_message'] as const;
export type OnlineFundraisingNotifiedEntity = (typeof onlineFundraisingNotifiedEntities)[number];


/** OF says something changed; the change itself is read from OF's API when the work is done. */
export interface OnlineFundraisingNotification {
  notificationId: string;
  entity: OnlineFundraisingNotifiedEntity;
  entityId: string;
  event: 'created' | 'updated';
  /** Instant (UTC, ISO 8601). */
  occurredAt: string;
}

export const onlineFundraisingNotificationKind = 'onlinefundraising-notification';

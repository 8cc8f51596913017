/** [OnlineFundraising15] Drupal telling the engine a webform submission was made, changed or deleted. */
export interface DrupalNotification {
  notificationId: string;
  formId: string;
  submissionId: string;
  event: 'created' | 'updated' | 'deleted';
  occurredAt: string;
}

export const drupalNotificationKind = 'drupal-notification';

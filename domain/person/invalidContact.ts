/** [OnlineFundraising12] Why an email address or phone number is marked as not working. */
export const invalidReasons = ['email-bounced', 'sms-delivery-failed', 'call-failed', 'staff'] as const;
export type InvalidReason = (typeof invalidReasons)[number];

export type ContactChannel = 'email' | 'phone';

/** A mark that the person's primary email or phone does not work; cleared when it changes. */
export interface InvalidContactFlag {
  /** The address or number that failed, so a new one is not taken for broken. */
  value: string;
  reason: InvalidReason;
  at: string;
  /** Who or what reported it: a staff user, a send id. */
  by: string;
}

/** What the mail provider reported about one message: its delivery, or an open or click. */
export interface EmailReport {
  /** The provider's event id: the same event twice is recorded once. */
  eventId: string;
  /** The engine's message id (sent as the provider's operation id). */
  messageId: string;
  at: string;
  kind: 'delivery' | 'opened' | 'clicked';
  /** Delivery: the provider's status (Delivered, Bounced, Failed, Suppressed, FilteredSpam, Quarantined, Expanded). */
  status?: string;
  /** Delivery: the provider's details (the SMTP answer); read for the reason, never stored. */
  details?: string;
  /** Clicked: the link. */
  url?: string;
}

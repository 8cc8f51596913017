/** An SMS to hand to the SMS provider. `reference` is the engine's message id: the same reference twice sends once. */
export interface OutgoingSms {
  reference: string;
  sender: string;
  /** E.164. */
  to: string;
  text: string;
  amountOre?: number;
}

/** Where an SMS got to, as the provider reports it. */
export interface SmsDeliveryReport {
  providerMessageId: string;
  /** The engine's message id given as `reference` when it was sent; absent for SMS sent by others. */
  reference?: string;
  status: 'queued' | 'delivered' | 'failed';
  reason?: string;
  /** Instant (UTC) of the report. */
  at: string;
}

/** Port: SMS out through OnlineFundraising ([OnlineFundraising7]). */
export interface SmsGateway {
  send(sms: OutgoingSms): Promise<{ providerMessageId: string }>;
  /** The provider's current report of an SMS; null when it does not know it. */
  report(providerMessageId: string): Promise<SmsDeliveryReport | null>;
}

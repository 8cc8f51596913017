/** The payment events that may start an automation (mail, SMS, a follow-up task). */
export type TriggerKind =
  | 'payment_confirmed'
  | 'payment_failed'
  | 'payment_rejected'
  | 'payment_refunded'
  | 'payment_method_rejected'
  | 'payment_method_cancelled'
  | 'subscription_cancelled'
  /** [CampaignAutomation6] A person entered a reactivation group or winback (see domain/dunning). */
  | 'reactivation_group_1'
  | 'reactivation_group_2'
  | 'reactivation_group_3'
  | 'winback';

/**
 * [OnlineFundraising2] One trigger per person, kind and time window, however many events fell in
 * it: automation starts once per person, not once per payment. Instants are UTC, ISO 8601.
 */
export interface AutomationTrigger {
  id: string;
  personId: string;
  kind: TriggerKind;
  windowStart: string;
  windowEnd: string;
  /** Events counted in the window (each source record once). */
  events: number;
  /** The mirror records behind the events (the first 50). */
  sourceIds: string[];
  status: 'open' | 'raised';
  raisedAt?: string;
}

import { copenhagenDateOf } from '../shared/copenhagenDate.js';

/**
 * [CARE-Anon] What counts as engagement, in one place: the last time the person did something
 * themselves that shows they still have a relationship with MS. Counted: a payment (a refund is not
 * the person acting), a petition signature, a form submission, a consent they gave or withdrew
 * themselves (not one staff entered for them, nor one carried over by a merge), and an inbound SMS.
 * Mail opens and clicks will count once the engine receives them. Not counted: things MS did to the
 * person (mails sent, calls made, staff edits), which would otherwise keep everyone engaged forever.
 */
export interface EngagementFacts {
  /** Business dates (YYYY-MM-DD) or instants of each kind of act. */
  payments: readonly { paymentDate: string; amountOre: number }[];
  signatures: readonly { signedAt: string; withdrawnAt?: string }[];
  formSubmissions: readonly { submittedAt: string }[];
  consentEntries: readonly { at: string; source: { kind: string }; carriedFrom?: string }[];
  inboundSms: readonly { receivedAt: string }[];
}

export type EngagementKind = 'payment' | 'signature' | 'form-submission' | 'consent' | 'inbound-sms';

/** The person's latest engagement (its business day in Europe/Copenhagen, YYYY-MM-DD) and what it was, or undefined. */
export function lastEngagement(facts: EngagementFacts): { on: string; kind: EngagementKind } | undefined {
  const acts: { on: string; kind: EngagementKind }[] = [
    ...facts.payments.filter((payment) => payment.amountOre > 0).map((payment) => ({ on: payment.paymentDate, kind: 'payment' as const })),
    ...facts.signatures.map((signature) => ({ on: signature.signedAt, kind: 'signature' as const })),
    ...facts.formSubmissions.map((submission) => ({ on: submission.submittedAt, kind: 'form-submission' as const })),
    ...facts.consentEntries.filter((entry) => entry.source.kind !== 'staff' && !entry.carriedFrom).map((entry) => ({ on: entry.at, kind: 'consent' as const })),
    ...facts.inboundSms.map((sms) => ({ on: sms.receivedAt, kind: 'inbound-sms' as const })),
  ].map((act) => ({ ...act, on: businessDay(act.on) }));
  return acts.sort((a, b) => b.on.localeCompare(a.on))[0];
}

/** A business date stays as it is; an instant becomes its day in Copenhagen. */
function businessDay(dateOrInstant: string): string {
  return dateOrInstant.includes('T') ? copenhagenDateOf(new Date(dateOrInstant)) : dateOrInstant;
}

import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../../domain/shared/Clock.js';

/** An outbound SMS as OF is assumed to hold it (resource `sms-messages`, entity `sms_message`). */
export interface SmsMessageRecord {
  id: string;
  sender: string;
  /** E.164, e.g. "+4512345678". */
  recipient: string;
  text: string;
  /** A payment SMS: what the recipient is charged (øre), else null. */
  amount: number | null;
  currency: 'DKK';
  /** The sender's own id for the SMS; a second request with the same reference answers the first SMS. */
  reference: string | null;
  status: 'queued' | 'delivered' | 'failed';
  /** Why delivery failed, as the operator said it (e.g. "unknown subscriber"), else null. */
  status_reason: string | null;
  delivered_at: string | null;
  created_at: string;
  updated_at: string;
}

export const smsSendSchema = z.strictObject({
  sender: z.string().regex(/^(?:[A-Za-z0-9 ]{1,11}|\+?\d{3,15})$/, 'sender: up to 11 letters and digits, or a phone number'),
  recipient: z.string().regex(/^\+\d{8,15}$/, 'recipient: an E.164 number, e.g. +4512345678'),
  text: z.string().min(1).max(1_530),
  amount: z.number().int().min(100).max(150_000).nullable().optional(),
  reference: z.string().min(1).max(100).nullable().optional(),
});

export type SmsSendRequest = z.infer<typeof smsSendSchema>;

/** What the simulated operator does with an SMS to a number: deliver it (default) or fail it with a reason. */
export interface SmsOutcomeRule {
  status: 'delivered' | 'failed';
  reason?: string;
}

/**
 * OF's outbound SMS (assumed): accepted as `queued`, then delivered or failed by the operator a moment
 * later (see the README's "Sending SMS"). Idempotent on `reference`.
 */
export class SmsOutbox {
  private readonly messages = new Map<string, SmsMessageRecord>();
  private readonly byReference = new Map<string, string>();
  /** Recipient → what happens to SMS to it. */
  readonly outcomes = new Map<string, SmsOutcomeRule>();

  constructor(private readonly clock: Clock) {}

  /** Accepts an SMS; `created: false` when its reference was seen before (nothing new is sent). */
  accept(request: SmsSendRequest): { message: SmsMessageRecord; created: boolean } {
    const known = request.reference ? this.byReference.get(request.reference) : undefined;
    if (known) return { message: this.messages.get(known)!, created: false };
    const now = this.clock.now().toISOString();
    const message: SmsMessageRecord = {
      id: `sms-${randomUUID()}`,
      sender: request.sender,
      recipient: request.recipient,
      text: request.text,
      amount: request.amount ?? null,
      currency: 'DKK',
      reference: request.reference ?? null,
      status: 'queued',
      status_reason: null,
      delivered_at: null,
      created_at: now,
      updated_at: now,
    };
    this.messages.set(message.id, message);
    if (message.reference) this.byReference.set(message.reference, message.id);
    return { message, created: true };
  }

  /** The operator's answer for a queued SMS; an SMS that has its outcome keeps it. */
  settle(id: string, rule: SmsOutcomeRule = this.outcomes.get(this.messages.get(id)?.recipient ?? '') ?? { status: 'delivered' }): SmsMessageRecord | undefined {
    const message = this.messages.get(id);
    if (!message || message.status !== 'queued') return undefined;
    const now = this.clock.now().toISOString();
    const settled: SmsMessageRecord = {
      ...message,
      status: rule.status,
      status_reason: rule.status === 'failed' ? (rule.reason ?? 'not delivered') : null,
      delivered_at: rule.status === 'delivered' ? now : null,
      updated_at: now,
    };
    this.messages.set(id, settled);
    return settled;
  }

  get(id: string): SmsMessageRecord | undefined {
    return this.messages.get(id);
  }

  all(): SmsMessageRecord[] {
    return [...this.messages.values()];
  }

  clear(): void {
    this.messages.clear();
    this.byReference.clear();
    this.outcomes.clear();
  }
}

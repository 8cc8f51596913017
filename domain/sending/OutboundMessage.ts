import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import type { MessageChannel } from './MessageTemplate.js';
import type { BounceReason } from './bounceReasons.js';

export const messageEventKinds = ['sent', 'delivered', 'bounced', 'failed', 'opened', 'clicked', 'unsubscribed'] as const;
export type MessageEventKind = (typeof messageEventKinds)[number];

/** [OnlineFundraising7][CARE-Interactions] Something that happened to a message, as the engine or the provider reported it. */
export interface MessageEvent {
  kind: MessageEventKind;
  /** Instant (UTC). */
  at: string;
  /** Bounced or failed: why, in plain words ([NFR-Performance]). */
  reason?: BounceReason;
  /** A bounce that will not go away (the address is marked not working); a soft one may. */
  hard?: boolean;
  /** The provider's status code behind the reason (e.g. "5.1.1"); never the provider's free text, which may hold the address. */
  code?: string;
  /** Clicked: the link. */
  url?: string;
  /** The provider's event id, so a repeated report is recorded once. */
  eventId?: string;
}

/**
 * One message to one person in one send. Its id derives from the send and the person, so planning
 * twice, a retry or a restart never makes a second one. It holds no address or text: the person's
 * current address is used when it goes, and what it said is the send's content.
 */
export interface OutboundMessage {
  id: string;
  sendId: string;
  personId: string;
  channel: MessageChannel;
  templateId: string;
  /**
   * planned → sending (claimed by the sender) → sent; or skipped (cap, address, consent at the time
   * it was due). A message left `sending` by a crash is taken up again and sent with the same
   * reference, which the provider answers without sending twice.
   */
  status: 'planned' | 'sending' | 'sent' | 'skipped';
  skipReason?: SkipReason;
  plannedAt: string;
  claimedAt?: string;
  attempts: number;
  providerMessageId?: string;
  sentAt?: string;
  events: MessageEvent[];
  /** The months (YYYY-MM, Danish time) its events fall in, so the interactions dataset rewrites only those. */
  eventMonths?: string[];
  updatedAt: string;
}

export type SkipReason = 'cap-reached' | 'no-address' | 'left-segment' | 'person-gone' | 'provider-refused';

/** Where the message got to, in the order a reader cares about: a bounce or failure wins over delivery. */
export function outcomeOf(message: Pick<OutboundMessage, 'status' | 'events'>): string {
  const kinds = new Set(message.events.map((event) => event.kind));
  for (const kind of ['bounced', 'failed', 'unsubscribed', 'clicked', 'opened', 'delivered', 'sent'] as const) if (kinds.has(kind)) return kind;
  return message.status;
}

/** The message with the event added, unless the same event (by provider id, or kind and instant) is there. */
export function withEvent(message: OutboundMessage, event: MessageEvent, now: string): OutboundMessage {
  const seen = message.events.some((known) => (event.eventId ? known.eventId === event.eventId : known.kind === event.kind && known.at === event.at && known.url === event.url));
  if (seen) return message;
  const eventMonths = [...new Set([...(message.eventMonths ?? []), copenhagenDateOf(new Date(event.at)).slice(0, 7)])].sort();
  return { ...message, events: [...message.events, event].sort(inLifeOrder), eventMonths, updatedAt: now };
}

/** By instant; at the same instant (a report can carry the send's own second) in the order a message lives them. */
function inLifeOrder(a: MessageEvent, b: MessageEvent): number {
  return a.at.localeCompare(b.at) || messageEventKinds.indexOf(a.kind) - messageEventKinds.indexOf(b.kind);
}

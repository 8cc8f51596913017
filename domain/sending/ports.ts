import type { PreferenceLinks } from '../consent/PreferenceLinks.js';
import type { Versioned } from '../person/ports.js';
import type { MessageChannel, MessageTemplate } from './MessageTemplate.js';
import type { TaxMailValues } from './placeholders.js';
import type { OutboundMessage } from './OutboundMessage.js';
import type { Send } from './Send.js';
import type { SendingSettings } from './SendingSettings.js';

/** Port: the templates staff set up (ETag-conditional writes). */
export interface MessageTemplates {
  get(id: string): Promise<Versioned<MessageTemplate> | null>;
  save(template: MessageTemplate, etag?: string): Promise<'saved' | 'stale'>;
  list(): Promise<MessageTemplate[]>;
}

/** Port: signed links to a landing page that is filled in with the person's first name, email and phone ([OnlineFundraising7]). */
export type LandingLinks = PreferenceLinks;

/** Port: a link shortener (OF's ShortenURL); the same long link may give a new short one each time. */
export interface LinkShortener {
  shorten(url: string): Promise<string>;
}

/** Where the links in a message lead: the preference centre page and nothing else is configured per engine. */
export interface LinkSettings {
  /** The page behind `{{ preference_link }}`; the token is added as `token=`, the message as `m=`. */
  preferencePageUrl: string;
  /** The engine's one-click unsubscribe (RFC 8058) in every bulk mail's `List-Unsubscribe` header. */
  unsubscribeUrl: string;
}

/** Port: sends (small documents, ETag-conditional). */
export interface Sends {
  get(id: string): Promise<Versioned<Send> | null>;
  save(send: Send, etag?: string): Promise<'saved' | 'stale'>;
  /** Sends the sender should look at: planned or sending, scheduled at or before `now`, earliest first. */
  due(now: string): Promise<Send[]>;
  recent(limit: number): Promise<Send[]>;
}

/** Port: the messages of all sends, one per person per send. */
export interface OutboundMessages {
  get(id: string): Promise<Versioned<OutboundMessage> | null>;
  save(message: OutboundMessage, etag?: string): Promise<'saved' | 'stale'>;
  /** Replaces the message only if unchanged since `etag`, answering it with its new ETag (a sender's claim); null when another got there first. */
  claim(message: OutboundMessage, etag: string): Promise<Versioned<OutboundMessage> | null>;
  /** Creates those not there yet (by id) and leaves the others as they are. */
  createMany(messages: OutboundMessage[]): Promise<{ created: number; existing: number }>;
  /** Up to `limit` messages of the send still to go: planned, or claimed before `staleClaimsBefore` (a sender that stopped). */
  due(sendId: string, staleClaimsBefore: string, limit: number): Promise<Versioned<OutboundMessage>[]>;
  /** Messages on the channel sent at or after `since`, over all sends (the provider's rate). */
  countSentSince(channel: MessageChannel, since: string): Promise<number>;
  /** Messages to the person on the channel sent at or after `since`, over all sends (the caps). */
  countSentToPersonSince(personId: string, channel: MessageChannel, since: string): Promise<number>;
  countByStatus(sendId: string): Promise<Record<OutboundMessage['status'], number>>;
  ofPerson(personId: string): Promise<OutboundMessage[]>;
}

/** Port: the sending settings (one document). */
export interface SendingSettingsStore {
  get(id: string): Promise<Versioned<SendingSettings> | null>;
  save(settings: SendingSettings, etag?: string): Promise<'saved' | 'stale'>;
}

/** Port: who a tax mail goes to, and what it tells each of them ([Skatteindberetning]). */
export interface TaxMailAudience {
  /** Whether a run has computed the year. */
  hasStatements(year: number): Promise<boolean>;
  /** Those with something reported for the year, with or without a CPR number, a page at a time. */
  personIds(year: number, cpr: 'known' | 'missing', pageSize: number): AsyncIterable<string[]>;
  /** The amounts and limits of the person's year; null when the year has no statement of them. */
  valuesFor(year: number, personId: string): Promise<TaxMailValues | null>;
}

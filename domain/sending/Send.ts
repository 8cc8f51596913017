import type { MailContent, MessageChannel, MessageTemplate, SmsContent } from './MessageTemplate.js';

export type SendAudience =
  | { kind: 'person'; personId: string }
  | { kind: 'segment'; segmentId: string }
  /** [Skatteindberetning] Everyone with something reported for the income year, with or without a CPR number (as the year's latest run found). */
  | { kind: 'tax-year'; year: number; cpr: 'known' | 'missing' };

export type SendStatus = 'planning' | 'planned' | 'sending' | 'paused' | 'completed' | 'cancelled';

/** What a send says, copied from its template when it starts sending: edits to the template after that change later sends only. */
export interface SendContent {
  channel: MessageChannel;
  landingUrl?: string;
  sms?: SmsContent;
  email?: MailContent;
}

export interface SendPlan {
  /** Messages planned, one per person kept. */
  recipients: number;
  /** People the audience held but the filter left out, per reason (a person can have several). */
  excluded: Record<string, number>;
  plannedAt: string;
  /** At the configured rate, from the scheduled time (quiet hours not counted). */
  estimatedMinutes: number;
}

/**
 * [CampaignAutomation10][OnlineFundraising7] A mail or SMS to one person or a segment, planned once
 * (one message per person) and sent from `scheduledAt`, paced, capped and outside quiet hours.
 */
export interface Send {
  id: string;
  name: string;
  channel: MessageChannel;
  templateId: string;
  /** The team it is sent for: its limits, and its mail sender. */
  team: string;
  /** The consent topic it needs; the whole channel when left out. */
  topic?: string;
  audience: SendAudience;
  /** Instant (UTC) from which it may go. */
  scheduledAt: string;
  status: SendStatus;
  /** Set when the status is `paused`: what it goes back to. */
  pausedFrom?: 'planned' | 'sending';
  plan?: SendPlan;
  content?: SendContent;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  finishedAt?: string;
}

export function contentOf(template: MessageTemplate): SendContent {
  return { channel: template.channel, ...(template.landingUrl && { landingUrl: template.landingUrl }), ...(template.sms && { sms: template.sms }), ...(template.email && { email: template.email }) };
}

/**
 * [Skatteindberetning] A service message: information a person is owed about their own gifts, not
 * marketing. It needs no consent, and the stop list, team limits and caps do not hold it back.
 */
export function isServiceSend(send: Pick<Send, 'audience'>): boolean {
  return send.audience.kind === 'tax-year';
}

/**
 * What a message's id is one per, with the person: the send, or for tax mails the income year, so
 * nobody gets two tax mails for the same year, however many sends staff make.
 */
export function messageScopeOf(send: Pick<Send, 'id' | 'audience'>): string {
  return send.audience.kind === 'tax-year' ? `tax-mail:${send.audience.year}` : send.id;
}

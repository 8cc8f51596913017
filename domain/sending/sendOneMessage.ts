import type { EmailSender } from '../messaging/EmailSender.js';
import type { Person } from '../person/Person.js';
import type { PersonRepository, Versioned } from '../person/ports.js';
import type { SegmentPorts } from '../segments/filterSegment.js';
import type { Clock } from '../shared/Clock.js';
import { mailSenderOf } from './currentSendingSettings.js';
import { type MessageEvent, type OutboundMessage, type SkipReason, withEvent } from './OutboundMessage.js';
import { type PersonalisePorts, personalise, withToken } from './personalise.js';
import type { OutboundMessages, TaxMailAudience } from './ports.js';
import { reachable } from './reachable.js';
import { recipientAddress } from './recipientAddress.js';
import { type RenderedMessage, renderMessage } from './renderMessage.js';
import { isServiceSend, type Send, type SendContent } from './Send.js';
import type { SendingSettings } from './SendingSettings.js';
import type { SmsGateway } from './SmsGateway.js';

export interface SendOnePorts extends PersonalisePorts, SegmentPorts {
  messages: OutboundMessages;
  persons: Pick<PersonRepository, 'get'>;
  taxMails: Pick<TaxMailAudience, 'valuesFor'>;
  smsGateway: SmsGateway;
  email: EmailSender;
  clock: Clock;
  /** The From address when neither the team nor `default` has one in the settings. */
  defaultMailSender: string;
}

/** A provider that keeps refusing a message gets this many tries, then the message is skipped (and logged). */
export const maxSendAttempts = 5;

export type SendOneOutcome = 'sent' | 'skipped' | 'taken';

/**
 * [CampaignAutomation10][OnlineFundraising7] Sends one planned message: claims it (so no other
 * sender does), checks the person may still be reached (the one filter, the caps, an address), fills
 * in the template and hands it to the provider under the message's id, then marks it sent. A
 * provider error leaves the claim, so the message is tried again later with the same id.
 */
export async function sendOneMessage(planned: Versioned<OutboundMessage>, send: Send & { content: SendContent }, settings: SendingSettings, ports: SendOnePorts): Promise<SendOneOutcome> {
  const now = ports.clock.now().toISOString();
  const claimed: OutboundMessage = { ...planned.value, status: 'sending', claimedAt: now, attempts: planned.value.attempts + 1, updatedAt: now };
  let stored = await ports.messages.claim(claimed, planned.etag);
  if (!stored) return 'taken';
  if (claimed.attempts > maxSendAttempts) return skip(stored, 'provider-refused', ports);
  const person = (await ports.persons.get(claimed.personId))?.value;
  if (!person || person.mergedInto) return skip(stored, 'person-gone', ports);
  const { kept } = await reachable([person], send, ports);
  if (kept.length === 0) return skip(stored, 'left-segment', ports);
  if (!isServiceSend(send) && (await capReached(person.id, send, settings, ports))) return skip(stored, 'cap-reached', ports);
  const address = recipientAddress(person, send.channel);
  if (!address) return skip(stored, 'no-address', ports);
  const taxValues = send.audience.kind === 'tax-year' ? await ports.taxMails.valuesFor(send.audience.year, person.id) : undefined;
  if (taxValues === null) return skip(stored, 'left-segment', ports);
  const rendered = renderMessage(send.content, await personalise(person, send.content, { shortenLinks: send.channel === 'sms', messageId: claimed.id }, ports, taxValues), ports.renderer);
  // Sent is the instant it was handed over: a delivery report can be stamped before the provider's answer arrives.
  const sentAt = ports.clock.now().toISOString();
  const providerMessageId = await deliver(rendered, address, claimed.id, person, send, settings, ports);
  for (;;) {
    const sentEvent: MessageEvent = { kind: 'sent', at: sentAt };
    const sent = withEvent({ ...stored.value, status: 'sent', sentAt, providerMessageId }, sentEvent, ports.clock.now().toISOString());
    if ((await ports.messages.save(sent, stored.etag)) === 'saved') return 'sent';
    // A delivery report can arrive before the mark: keep its event and mark again.
    stored = (await ports.messages.get(claimed.id))!;
  }
}

async function capReached(personId: string, send: Send, settings: SendingSettings, ports: SendOnePorts): Promise<boolean> {
  for (const cap of settings.caps.filter((candidate) => candidate.channel === send.channel)) {
    const since = new Date(ports.clock.now().getTime() - cap.periodDays * 86_400_000).toISOString();
    if ((await ports.messages.countSentToPersonSince(personId, send.channel, since)) >= cap.max) return true;
  }
  return false;
}

async function deliver(rendered: RenderedMessage, address: string, messageId: string, person: Person, send: Send, settings: SendingSettings, ports: SendOnePorts): Promise<string> {
  if (rendered.channel === 'sms') {
    const sms = { reference: messageId, sender: rendered.sender, to: address, text: rendered.text, ...(rendered.amountOre !== undefined && { amountOre: rendered.amountOre }) };
    return (await ports.smsGateway.send(sms)).providerMessageId;
  }
  const unsubscribe = `${withToken(ports.links.unsubscribeUrl, 'token', (await ports.preferenceLinks.issue(person.id)).token)}&m=${encodeURIComponent(messageId)}`;
  const mail = {
    to: [address],
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    from: mailSenderOf(settings, send.team, ports.defaultMailSender),
    reference: messageId,
    headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
  return (await ports.email.send(mail)).messageId;
}

async function skip(stored: Versioned<OutboundMessage>, reason: SkipReason, ports: Pick<SendOnePorts, 'messages' | 'clock'>): Promise<SendOneOutcome> {
  const now = ports.clock.now().toISOString();
  await ports.messages.save({ ...stored.value, status: 'skipped', skipReason: reason, updatedAt: now }, stored.etag);
  return 'skipped';
}


import type { Logger } from '../shared/Logger.js';
import type { Wait } from '../shared/Wait.js';
import { currentSendingSettings } from './currentSendingSettings.js';
import type { MessageChannel } from './MessageTemplate.js';
import type { MessageTemplates, Sends, SendingSettingsStore } from './ports.js';
import { smsMayGoAt } from './quietHours.js';
import { type Send, type SendContent, contentOf } from './Send.js';
import type { SendingSettings } from './SendingSettings.js';
import { type SendOnePorts, sendOneMessage } from './sendOneMessage.js';

export interface SenderPorts extends SendOnePorts {
  sends: Sends;
  templates: MessageTemplates;
  sendingSettings: SendingSettingsStore;
  wait: Wait;
  logger: Logger;
}

export interface SenderRound {
  sent: number;
  skipped: number;
  /** Sends that would have gone but for the SMS quiet hours. */
  heldForQuietHours: number;
  /** Sends whose provider failed this round; their message is tried again next round. */
  providerErrors: number;
}

/** A message claimed longer ago than this by a sender that then stopped is taken up again. */
const staleClaimMs = 2 * 60_000;
const pageSize = 50;

/**
 * [CampaignAutomation10] One round of the sender (every minute): for each send due, the messages
 * still to go, within the provider's rate (what the last minute and hour used counts against it),
 * paced evenly, never an SMS in the quiet hours. A send with nothing left is completed; a paused
 * or cancelled one stops at the next page.
 */
export async function sendDueMessages(ports: SenderPorts): Promise<SenderRound> {
  const settings = await currentSendingSettings(ports);
  const round: SenderRound = { sent: 0, skipped: 0, heldForQuietHours: 0, providerErrors: 0 };
  const budgets = new Map<MessageChannel, number>();
  for (const send of await ports.sends.due(ports.clock.now().toISOString())) {
    const now = ports.clock.now();
    if (send.channel === 'sms' && smsMayGoAt(now, settings.smsQuietHours) > now) {
      round.heldForQuietHours++;
      continue;
    }
    if (!budgets.has(send.channel)) budgets.set(send.channel, await budgetOf(send.channel, settings, ports));
    const started = await startSending(send, ports);
    if (!started) continue;
    const used = await sendPages(started, settings, budgets.get(send.channel)!, round, ports);
    budgets.set(send.channel, budgets.get(send.channel)! - used);
  }
  return round;
}

/** How many messages the channel may still take now: the minute's and the hour's limits less what went in them. */
async function budgetOf(channel: MessageChannel, settings: SendingSettings, ports: SenderPorts): Promise<number> {
  const now = ports.clock.now().getTime();
  const rate = settings.rates[channel];
  const lastMinute = await ports.messages.countSentSince(channel, new Date(now - 60_000).toISOString());
  const byMinute = rate.perMinute - lastMinute;
  const byHour = rate.perHour === undefined ? Infinity : rate.perHour - (await ports.messages.countSentSince(channel, new Date(now - 3_600_000).toISOString()));
  return Math.max(0, Math.min(byMinute, byHour));
}

/** A planned send whose time has come takes a copy of its template and becomes `sending`; undefined when it is not to be sent now. */
async function startSending(send: Send, ports: SenderPorts): Promise<(Send & { content: SendContent }) | undefined> {
  const stored = await ports.sends.get(send.id);
  if (!stored || (stored.value.status !== 'planned' && stored.value.status !== 'sending')) return undefined;
  if (stored.value.status === 'sending' && stored.value.content) return stored.value as Send & { content: SendContent };
  const template = await ports.templates.get(stored.value.templateId);
  if (!template) {
    ports.logger.error('send cannot start: its template is gone', { sendId: send.id, templateId: send.templateId });
    return undefined;
  }
  const sending = { ...stored.value, status: 'sending' as const, content: contentOf(template.value), updatedAt: ports.clock.now().toISOString() };
  if ((await ports.sends.save(sending, stored.etag)) !== 'saved') return undefined;
  ports.logger.info('send started', { sendId: send.id, channel: send.channel });
  return sending;
}

async function sendPages(send: Send & { content: SendContent }, settings: SendingSettings, budget: number, round: SenderRound, ports: SenderPorts): Promise<number> {
  const spacingMs = 60_000 / settings.rates[send.channel].perMinute;
  // Each message has its slot in time; waiting for the slot rather than a fixed pause keeps the rate when sending itself takes time.
  let nextSlot = ports.clock.now().getTime();
  let used = 0;
  while (used < budget) {
    if ((await ports.sends.get(send.id))?.value.status !== 'sending') return used;
    const staleBefore = new Date(ports.clock.now().getTime() - staleClaimMs).toISOString();
    const page = await ports.messages.due(send.id, staleBefore, Math.min(pageSize, budget - used));
    if (page.length === 0) {
      await completeIfDone(send.id, ports);
      return used;
    }
    for (const message of page) {
      try {
        const outcome = await sendOneMessage(message, send, settings, ports);
        if (outcome === 'taken') continue;
        used++;
        round[outcome]++;
        if (outcome === 'sent') {
          nextSlot += spacingMs;
          await ports.wait(Math.max(0, nextSlot - ports.clock.now().getTime()));
        }
      } catch (error) {
        round.providerErrors++;
        ports.logger.warn('message not sent this round; tried again later', { sendId: send.id, messageId: message.value.id, error: error instanceof Error ? error.message : String(error) });
        return used;
      }
    }
  }
  return used;
}

async function completeIfDone(sendId: string, ports: SenderPorts): Promise<void> {
  const counts = await ports.messages.countByStatus(sendId);
  if (counts.planned > 0 || counts.sending > 0) return;
  const stored = await ports.sends.get(sendId);
  if (!stored || stored.value.status !== 'sending') return;
  const now = ports.clock.now().toISOString();
  if ((await ports.sends.save({ ...stored.value, status: 'completed', finishedAt: now, updatedAt: now }, stored.etag)) === 'saved') {
    ports.logger.info('send completed', { sendId, sent: counts.sent, skipped: counts.skipped });
  }
}

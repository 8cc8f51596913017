import type { EmailSender } from '../messaging/EmailSender.js';
import { type FlagPorts, flagInvalidContact } from '../person/flagInvalidContact.js';
import type { ContactChannel, InvalidReason } from '../person/invalidContact.js';
import type { Logger } from '../shared/Logger.js';
import { ConcurrencyConflictError, NotFoundError } from '../shared/errors.js';
import { type DeliveryAlertSettings, defaultDeliveryAlertSettings, deliveryAlertSettingsId } from './DeliveryAlertSettings.js';
import { type SendStatistics, failureShare, sendStatisticsId } from './SendStatistics.js';
import type { DeliveryAlertSettingsStore, SendStatisticsStore } from './ports.js';

export interface DeliveryOutcome {
  personId: string;
  delivered: boolean;
}

export interface DeliveryPorts extends FlagPorts {
  sendStatistics: SendStatisticsStore;
  alertSettings: DeliveryAlertSettingsStore;
  email: EmailSender;
  logger: Logger;
}

const failureReason: Record<ContactChannel, InvalidReason> = { email: 'email-bounced', phone: 'sms-delivery-failed' };
const maxAttempts = 10;

/**
 * [OnlineFundraising12] Delivery outcomes of a send (bounced mails, failed SMS): each failure marks
 * the person's address or number as not working, and when the send's share of failures crosses the
 * configured threshold, the chosen staff get one alert mail for that send.
 */
export async function recordDeliveryOutcomes(
  send: { sendId: string; channel: ContactChannel; outcomes: DeliveryOutcome[] },
  ports: DeliveryPorts,
): Promise<{ total: number; failed: number; alerted: boolean }> {
  const statistics = await addOutcomes(send, ports);
  for (const outcome of send.outcomes.filter((candidate) => !candidate.delivered)) {
    await flagInvalidContact(outcome.personId, { channel: send.channel, reason: failureReason[send.channel], by: `send ${send.sendId}` }, ports).catch((error: unknown) => {
      // A person merged or erased meanwhile is not a reason to lose the other outcomes.
      if (!(error instanceof NotFoundError)) throw error;
      ports.logger.warn('delivery failure for an unknown person', { sendId: send.sendId, personId: outcome.personId });
    });
  }
  const alerted = await alertIfTooManyFailed(statistics, ports);
  return { ...failureShare(statistics), alerted };
}

async function addOutcomes(send: { sendId: string; channel: ContactChannel; outcomes: DeliveryOutcome[] }, ports: DeliveryPorts): Promise<SendStatistics> {
  const id = sendStatisticsId(send.sendId);
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await ports.sendStatistics.get(id);
    const outcomes = { ...stored?.value.outcomes };
    for (const outcome of send.outcomes) outcomes[outcome.personId] = outcome.delivered ? 'delivered' : 'failed';
    const statistics: SendStatistics = { ...stored?.value, id, sendId: send.sendId, channel: send.channel, outcomes, updatedAt: ports.clock.now().toISOString() };
    if ((await ports.sendStatistics.save(statistics, stored?.etag)) === 'saved') return statistics;
  }
  throw new ConcurrencyConflictError(`statistics of send ${send.sendId} changed concurrently ${maxAttempts} times in a row`);
}

/** One alert per send: the mark is saved before the mail goes, so two workers cannot both send it. */
async function alertIfTooManyFailed(statistics: SendStatistics, ports: DeliveryPorts): Promise<boolean> {
  const settings = await alertSettings(ports);
  const { total, failed, share } = failureShare(statistics);
  if (statistics.alertedAt || total < settings.minimumDeliveries || share <= settings.failureShareThreshold || settings.recipients.length === 0) return false;
  const stored = await ports.sendStatistics.get(statistics.id);
  if (!stored || stored.value.alertedAt) return false;
  const marked = { ...stored.value, alertedAt: ports.clock.now().toISOString() };
  if ((await ports.sendStatistics.save(marked, stored.etag)) !== 'saved') return false;
  const percent = (share * 100).toFixed(1);
  await ports.email.send({
    to: settings.recipients,
    subject: `Many deliveries failed in send ${statistics.sendId} (${percent} %)`,
    text: `${failed} of ${total} ${statistics.channel === 'email' ? 'mails' : 'SMS'} in send ${statistics.sendId} failed (${percent} %, threshold ${(settings.failureShareThreshold * 100).toFixed(1)} %). The addresses and numbers are marked as not working; GET /admin/contacts?invalid=${statistics.channel} lists them.`,
  });
  ports.logger.warn('delivery failure alert sent', { sendId: statistics.sendId, failed, total });
  return true;
}

export async function alertSettings(ports: { alertSettings: DeliveryAlertSettingsStore; clock: { now(): Date } }): Promise<DeliveryAlertSettings> {
  return (await ports.alertSettings.get(deliveryAlertSettingsId))?.value ?? { ...defaultDeliveryAlertSettings, updatedAt: new Date(0).toISOString() };
}

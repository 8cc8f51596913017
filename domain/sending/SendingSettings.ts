import type { MessageChannel } from './MessageTemplate.js';

/**
 * [CampaignAutomation10] How sending is paced and limited, kept as data (`PUT /admin/sending/settings`):
 * the providers' rates, how many messages one person may get per channel and period across all
 * sends, SMS quiet hours in Danish time, and each team's mail sender.
 */
export interface SendingSettings {
  id: typeof sendingSettingsId;
  rates: Record<MessageChannel, { perMinute: number; perHour?: number }>;
  caps: { channel: MessageChannel; max: number; periodDays: number }[];
  /** No SMS from `from` until `until` (HH:MM, Europe/Copenhagen); across midnight when `from` > `until`. */
  smsQuietHours: { from: string; until: string };
  /** Team → the From address of its mails (in Azure its domain must be connected to ACS); `default` for the rest. */
  mailSenders: Record<string, string>;
  updatedAt: string;
}

export const sendingSettingsId = 'sending-settings';

/** ACS starts a new resource at 30 mails a minute and 100 an hour until MS asks for more. */
export const defaultSendingSettings: Omit<SendingSettings, 'updatedAt'> = {
  id: sendingSettingsId,
  rates: { email: { perMinute: 30, perHour: 100 }, sms: { perMinute: 100 } },
  caps: [
    { channel: 'email', max: 4, periodDays: 7 },
    { channel: 'sms', max: 2, periodDays: 7 },
  ],
  smsQuietHours: { from: '21:00', until: '09:00' },
  mailSenders: {},
};

/** Minutes a number of messages takes at a rate (the slower of the minute and the hour limit). */
export function estimatedMinutes(messages: number, rate: { perMinute: number; perHour?: number }): number {
  const byMinute = messages / rate.perMinute;
  const byHour = rate.perHour === undefined ? 0 : (messages / rate.perHour) * 60;
  return Math.ceil(Math.max(byMinute, byHour));
}

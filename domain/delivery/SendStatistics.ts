import type { ContactChannel } from '../person/invalidContact.js';

/** The delivery outcomes of one send (a mailing or an SMS batch), one per person, and whether staff were alerted. */
export interface SendStatistics {
  id: string;
  sendId: string;
  channel: ContactChannel;
  /** Person id → outcome; a repeated report of the same outcome counts once. */
  outcomes: Record<string, 'delivered' | 'failed'>;
  alertedAt?: string;
  updatedAt: string;
}

export function sendStatisticsId(sendId: string): string {
  return `send-${sendId}`;
}

export function failureShare(statistics: SendStatistics): { total: number; failed: number; share: number } {
  const values = Object.values(statistics.outcomes);
  const failed = values.filter((outcome) => outcome === 'failed').length;
  return { total: values.length, failed, share: values.length === 0 ? 0 : failed / values.length };
}

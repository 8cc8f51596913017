import type { Versioned } from '../person/ports.js';
import type { DeliveryAlertSettings } from './DeliveryAlertSettings.js';
import type { SendStatistics } from './SendStatistics.js';

/** Port: per-send delivery statistics and the alert settings (small documents, ETag-conditional). */
export interface SendStatisticsStore {
  get(id: string): Promise<Versioned<SendStatistics> | null>;
  save(statistics: SendStatistics, etag?: string): Promise<'saved' | 'stale'>;
}

export interface DeliveryAlertSettingsStore {
  get(id: string): Promise<Versioned<DeliveryAlertSettings> | null>;
  save(settings: DeliveryAlertSettings, etag?: string): Promise<'saved' | 'stale'>;
}

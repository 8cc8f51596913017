import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import { type DeliveryAlertSettings, deliveryAlertSettingsId } from './DeliveryAlertSettings.js';
import type { DeliveryAlertSettingsStore } from './ports.js';

/** [OnlineFundraising12] Staff set when a send's failures alert whom; the next outcome uses it. */
export async function replaceAlertSettings(
  values: Omit<DeliveryAlertSettings, 'id' | 'updatedAt'>,
  ports: { alertSettings: DeliveryAlertSettingsStore; clock: Clock },
): Promise<DeliveryAlertSettings> {
  const settings: DeliveryAlertSettings = { id: deliveryAlertSettingsId, ...values, updatedAt: ports.clock.now().toISOString() };
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.alertSettings.get(deliveryAlertSettingsId);
    if ((await ports.alertSettings.save(settings, stored?.etag)) === 'saved') return settings;
  }
  throw new ConcurrencyConflictError('the alert settings changed concurrently 5 times in a row');
}

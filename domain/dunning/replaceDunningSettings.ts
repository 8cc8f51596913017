import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import { type DunningSettings, dunningSettingsId } from './DunningSettings.js';
import type { DunningSettingsStore } from './ports.js';

/** [CampaignAutomation6] Staff change the groups' knobs; the next daily run uses them. */
export async function replaceDunningSettings(
  settings: Omit<DunningSettings, 'id' | 'updatedAt'>,
  ports: { dunningSettings: DunningSettingsStore; clock: Clock },
): Promise<DunningSettings> {
  const saved: DunningSettings = { ...settings, id: dunningSettingsId, updatedAt: ports.clock.now().toISOString() };
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.dunningSettings.get(dunningSettingsId);
    if ((await ports.dunningSettings.save(saved, stored?.etag)) === 'saved') return saved;
  }
  throw new ConcurrencyConflictError('the dunning settings changed concurrently 5 times in a row');
}

import { type DunningSettings, defaultDunningSettings, dunningSettingsId } from './DunningSettings.js';
import type { DunningSettingsStore } from './ports.js';

/** The settings in force: staff's, or the defaults until they save some. */
export async function currentDunningSettings(ports: { dunningSettings: DunningSettingsStore }): Promise<DunningSettings> {
  return (await ports.dunningSettings.get(dunningSettingsId))?.value ?? { ...defaultDunningSettings, updatedAt: new Date(0).toISOString() };
}

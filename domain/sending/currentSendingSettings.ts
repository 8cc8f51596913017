import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import type { SendingSettingsStore } from './ports.js';
import { type SendingSettings, defaultSendingSettings, sendingSettingsId } from './SendingSettings.js';

/** The settings in force: what staff saved, else the defaults. */
export async function currentSendingSettings(ports: { sendingSettings: SendingSettingsStore }): Promise<SendingSettings> {
  return (await ports.sendingSettings.get(sendingSettingsId))?.value ?? { ...defaultSendingSettings, updatedAt: new Date(0).toISOString() };
}

/** [CampaignAutomation10] Staff replace the settings; the sender's next round uses them. */
export async function replaceSendingSettings(values: Omit<SendingSettings, 'id' | 'updatedAt'>, ports: { sendingSettings: SendingSettingsStore; clock: Clock }): Promise<SendingSettings> {
  const settings: SendingSettings = { id: sendingSettingsId, ...values, updatedAt: ports.clock.now().toISOString() };
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.sendingSettings.get(sendingSettingsId);
    if ((await ports.sendingSettings.save(settings, stored?.etag)) === 'saved') return settings;
  }
  throw new ConcurrencyConflictError('the sending settings changed concurrently 5 times in a row');
}

/** The From address of a team's mails. */
export function mailSenderOf(settings: SendingSettings, team: string, fallback: string): string {
  return settings.mailSenders[team] ?? settings.mailSenders.default ?? fallback;
}

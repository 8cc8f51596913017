import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import { wholeChannel } from './ConsentEntry.js';
import { consentOverview } from './consentOverview.js';
import type { ConsentState } from './currentConsents.js';
import type { ConsentLog, ConsentTopicStore } from './ports.js';
import { recordConsentChanges } from './recordConsentChanges.js';

export interface PreferenceChange {
  /** An email topic, or "all" for every email. */
  topic: string;
  action: 'granted' | 'withdrawn';
}

/**
 * [Permissionsstruktur2] The person changed their email preferences from a link in a mail
 * (unsubscribe newsletter 1, subscribe newsletter 2, or all email): one log entry per change, with
 * the time and the preference centre as source. Answers what is in force now.
 */
export async function updatePreferences(
  personId: string,
  changes: PreferenceChange[],
  ports: { consentLog: ConsentLog; consentTopics: ConsentTopicStore; ids: Ids; clock: Clock },
): Promise<ConsentState[]> {
  await recordConsentChanges(
    {
      personId,
      eventKey: `preference-centre:${ports.ids.random()}`,
      at: ports.clock.now(),
      source: { kind: 'preference-centre' },
      changes: changes.map((change) => ({ channel: 'email', topic: change.topic || wholeChannel, action: change.action })),
    },
    ports,
  );
  return (await consentOverview(personId, ports)).current.filter((state) => state.channel === 'email');
}

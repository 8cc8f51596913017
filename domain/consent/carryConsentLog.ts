import type { Ids } from '../shared/Ids.js';
import type { ConsentLog } from './ports.js';

/**
 * [OnlineFundraising13][Permission] When a person is merged into another, their consent lines are
 * carried over to the survivor as copies naming where they came from (the merged person's own log
 * stays as it was). An opt-out of either therefore holds for the survivor. Safe to repeat.
 */
export async function carryConsentLog(fromPersonId: string, toPersonId: string, ports: { consentLog: ConsentLog; ids: Ids }): Promise<number> {
  const entries = await ports.consentLog.entriesOf(fromPersonId);
  for (const entry of entries) {
    await ports.consentLog.append({ ...entry, id: ports.ids.fromKey(`consent-carried:${entry.id}:${toPersonId}`), personId: toPersonId, carriedFrom: fromPersonId });
  }
  return entries.length;
}

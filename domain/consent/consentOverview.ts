import type { ConsentEntry } from './ConsentEntry.js';
import { type ConsentState, currentConsents } from './currentConsents.js';
import type { ConsentLog } from './ports.js';

/** [Permission] A person's whole consent log, oldest first, and what it means now. */
export async function consentOverview(personId: string, ports: { consentLog: ConsentLog }): Promise<{ entries: ConsentEntry[]; current: ConsentState[] }> {
  const entries = (await ports.consentLog.entriesOf(personId)).sort((a, b) => a.at.localeCompare(b.at) || a.recordedAt.localeCompare(b.recordedAt));
  return { entries, current: currentConsents(entries) };
}

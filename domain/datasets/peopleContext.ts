import type { ConsentEntry } from '../consent/ConsentEntry.js';
import type { ExportSources } from './exportPorts.js';
import type { PeopleContext } from './personRow.js';

/** Reads, once per export, who signed, when people joined and their consent logs. */
export async function peopleContext(sources: ExportSources): Promise<PeopleContext> {
  const signers = new Set<string>();
  for await (const page of sources.signatures()) for (const signature of page) if (!signature.withdrawnAt) signers.add(signature.personId);
  const joined = new Map<string, { memberSince?: string; regularSupporterSince?: string }>();
  for await (const page of sources.agreements()) {
    for (const agreement of page) {
      if (!agreement.personId || !agreement.startDate || (agreement.kind !== 'membership' && agreement.kind !== 'regular_support')) continue;
      const dates = joined.get(agreement.personId) ?? {};
      const key = agreement.kind === 'membership' ? 'memberSince' : 'regularSupporterSince';
      if (!dates[key] || agreement.startDate < dates[key]) dates[key] = agreement.startDate;
      joined.set(agreement.personId, dates);
    }
  }
  const consentLogs = new Map<string, ConsentEntry[]>();
  for await (const page of sources.consentEntries()) for (const entry of page) consentLogs.set(entry.personId, [...(consentLogs.get(entry.personId) ?? []), entry]);
  return { signers, joined, consentLogs, municipalityOfPostcode: await sources.municipalities() };
}

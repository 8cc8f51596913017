import { canonicalJson } from '../shared/canonicalJson.js';
import type { Person } from '../person/Person.js';
import type { CrmPersons, PersonRepository, Versioned } from '../person/ports.js';
import { writeNewestToCrm } from '../person/writeNewestToCrm.js';
import type { Clock } from '../shared/Clock.js';
import type { Logger } from '../shared/Logger.js';
import { stopListedFor } from '../stoplist/stopListedFor.js';
import type { StopList } from '../stoplist/ports.js';
import { contactPreferencesOf } from './ContactPreferences.js';
import type { ConsentLog } from './ports.js';
import { type CloseLeadPorts, closeOpenLeadsOfPerson } from '../telemarketing/closeLeads.js';

/** Port: what changed since the last refresh, and where the refresh got to. */
export interface ContactPreferenceChanges {
  /** Persons with consent log lines recorded after `since` (all with lines when empty). */
  personsWithConsentChangesSince(since: string): Promise<string[]>;
  /** Persons whose phone or email a stop-list entry added or changed after `since` names. */
  personsOnStopListChangesSince(since: string): Promise<string[]>;
  watermark(): Promise<Versioned<{ id: string; since: string }> | null>;
  saveWatermark(value: { id: string; since: string }, etag?: string): Promise<'saved' | 'stale'>;
}

export interface RefreshPreferencesPorts extends CloseLeadPorts {
  changes: ContactPreferenceChanges;
  consentLog: ConsentLog;
  stopList: StopList;
  persons: PersonRepository;
  crm: CrmPersons;
  clock: Clock;
  logger: Logger;
}

export const contactPreferencesWatermarkId = 'contact-preferences-watermark';

/**
 * [Permissionsstruktur1] Every few minutes: the persons whose consents or stop-list entries changed
 * get their current contact preferences on their record, and so on their CRM contact (the standard
 * do-not columns and the engine's own), and when calls are no longer allowed, their open telemarketing
 * leads are closed ([Dialer3]). The watermark moves only after all of them are done, so a
 * failed round is repeated whole.
 */
export async function refreshContactPreferences(ports: RefreshPreferencesPorts): Promise<{ refreshed: number; changed: number }> {
  const stored = await ports.changes.watermark();
  const since = stored?.value.since ?? '';
  const startedAt = ports.clock.now().toISOString();
  const personIds = [...new Set([...(await ports.changes.personsWithConsentChangesSince(since)), ...(await ports.changes.personsOnStopListChangesSince(since))])];
  let changed = 0;
  for (const personId of personIds) if (await refreshOne(personId, ports)) changed++;
  await ports.changes.saveWatermark({ id: contactPreferencesWatermarkId, since: startedAt }, stored?.etag);
  if (changed > 0) ports.logger.info('contact preferences refreshed', { refreshed: personIds.length, changed });
  return { refreshed: personIds.length, changed };
}

async function refreshOne(personId: string, ports: RefreshPreferencesPorts): Promise<boolean> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.persons.get(personId);
    if (!stored || stored.value.mergedInto || stored.value.anonymisation) return false;
    const person = stored.value;
    const contact = { phones: [person.phones.primary, person.phones.secondary].filter((phone): phone is string => !!phone), emails: person.emails };
    const preferences = contactPreferencesOf(await ports.consentLog.entriesOf(personId), await stopListedFor(contact, 'any', ports));
    if (canonicalJson(preferences) === canonicalJson(person.contactPreferences ?? null)) return false;
    const updated: Person = { ...person, contactPreferences: preferences, updatedAt: ports.clock.now().toISOString() };
    if ((await ports.persons.replace(updated, stored.etag)) !== 'replaced') continue;
    await writeNewestToCrm(updated, ports);
    // [Dialer3] "No calls" however it came (a withdrawn phone consent, the stop list for calls): their open leads close.
    if (!preferences.phone || preferences.stopList.telemarketing) await closeOpenLeadsOfPerson(personId, 'no-more-calls', ports);
    return true;
  }
  return false;
}

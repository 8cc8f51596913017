import type { StopListPurpose } from './forbids.js';
import type { StopList } from './ports.js';
import { type ContactPoints, type StopListEntry, normalisedContactPoints } from './StopListEntry.js';
import { stopListedFor } from './stopListedFor.js';

export interface StopListExclusion<T> {
  kept: T[];
  /** Each left-out item with the entries that forbid it. */
  excluded: { item: T; entryIds: string[] }[];
}

/**
 * [StopList] What every SMS, call-lead and segment producer calls before it sends: splits the items
 * into those it may contact for the purpose and those the stop list forbids. One lookup for all items;
 * phones and emails are taken as the items hold them and normalised here.
 */
export async function excludeStopListed<T>(
  items: T[],
  contactOf: (item: T) => ContactPoints,
  purpose: StopListPurpose,
  ports: { stopList: StopList },
): Promise<StopListExclusion<T>> {
  const contacts = items.map((item) => normalisedContactPoints(contactOf(item)));
  const forbidding = await stopListedFor({ phones: contacts.flatMap((c) => c.phones), emails: contacts.flatMap((c) => c.emails) }, purpose, ports);
  const entryIdsByKey = entryIdsByContactKey(forbidding);
  const result: StopListExclusion<T> = { kept: [], excluded: [] };
  items.forEach((item, i) => {
    const entryIds = [...new Set(contactKeys(contacts[i]!).flatMap((key) => entryIdsByKey.get(key) ?? []))];
    if (entryIds.length > 0) result.excluded.push({ item, entryIds });
    else result.kept.push(item);
  });
  return result;
}

function contactKeys(contact: ContactPoints): string[] {
  return [...contact.phones.map((phone) => `phone:${phone}`), ...contact.emails.map((email) => `email:${email}`)];
}

function entryIdsByContactKey(entries: StopListEntry[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const entry of entries) {
    for (const key of contactKeys({ phones: entry.phone ? [entry.phone] : [], emails: entry.email ? [entry.email] : [] })) {
      byKey.set(key, [...(byKey.get(key) ?? []), entry.id]);
    }
  }
  return byKey;
}

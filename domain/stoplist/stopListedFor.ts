import { type StopListPurpose, forbids } from './forbids.js';
import type { StopList } from './ports.js';
import { type ContactPoints, type StopListEntry, normalisedContactPoints } from './StopListEntry.js';

/** Phones and emails looked up in one query: keeps each query's text and parameters small. */
const valuesPerQuery = 200;

/**
 * [StopList] The stop-list entries that forbid reaching this contact for the purpose (none: go ahead).
 * Phones and emails are taken as typed anywhere ("22 33 44 55", " Anne@Example.DK") and normalised here.
 */
export async function stopListedFor(contact: ContactPoints, purpose: StopListPurpose, ports: { stopList: StopList }): Promise<StopListEntry[]> {
  const entries = await findByContactInChunks(normalisedContactPoints(contact), ports.stopList);
  return entries.filter((entry) => forbids(entry, purpose));
}

async function findByContactInChunks(contact: ContactPoints, stopList: StopList): Promise<StopListEntry[]> {
  const found = new Map<string, StopListEntry>();
  for (let start = 0; start < contact.phones.length; start += valuesPerQuery) {
    for (const entry of await stopList.findByContact({ phones: contact.phones.slice(start, start + valuesPerQuery), emails: [] })) found.set(entry.id, entry);
  }
  for (let start = 0; start < contact.emails.length; start += valuesPerQuery) {
    for (const entry of await stopList.findByContact({ phones: [], emails: contact.emails.slice(start, start + valuesPerQuery) })) found.set(entry.id, entry);
  }
  return [...found.values()];
}

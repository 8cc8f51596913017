import { canonicalJson } from '../shared/canonicalJson.js';
import { contentHash } from '../shared/contentHash.js';
import type { Person } from './Person.js';

/** The person's data: everything but the engine's bookkeeping (instants, what the CRM last got). */
function personData({ createdAt: _created, updatedAt: _updated, crm: _crm, ...data }: Person) {
  return data;
}

/** True when two versions of a person differ only in the engine's bookkeeping. */
export function samePersonData(a: Person, b: Person): boolean {
  return canonicalJson(personData(a)) === canonicalJson(personData(b));
}

/**
 * Fingerprint of what the CRM holds of the person: their data without OF's change instant (which
 * only orders OF's versions), so OF confirming a change the engine made costs no CRM write.
 */
export function personDataHash(person: Person): string {
  const { onlineFundraising, ...data } = personData(person);
  return contentHash({ ...data, ...(onlineFundraising && { onlineFundraisingContactId: onlineFundraising.contactId }) });
}

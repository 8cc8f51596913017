import type { ContactChanges } from '../person/ContactChanges.js';
import { applyContactChanges, wholeChanges } from '../person/applyContactChanges.js';
import { isAnonymised } from '../person/Person.js';
import type { CrmPersons, OnlineFundraisingContacts, PersonRepository } from '../person/ports.js';
import { samePersonData } from '../person/samePersonData.js';
import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError } from '../shared/errors.js';

export interface CallerUpdatePorts {
  persons: PersonRepository;
  crm: Pick<CrmPersons, 'upsertPerson'>;
  onlineFundraising: Pick<OnlineFundraisingContacts, 'updateContact'>;
  clock: Clock;
}

/**
 * [Dialer5][OnlineFundraising12] Master data a caller corrected on the call: kept on the person, and
 * carried to the CRM contact and (for a person in OF) the OF contact, as staff's changes are.
 */
export async function applyCallerUpdates(personId: string, changes: ContactChanges, ports: CallerUpdatePorts): Promise<'applied' | 'unchanged'> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await ports.persons.get(personId);
    if (!stored || isAnonymised(stored.value)) return 'unchanged';
    const changed = applyContactChanges(stored.value, changes, ports.clock.now());
    if (samePersonData(changed, stored.value)) return 'unchanged';
    if ((await ports.persons.replace(changed, stored.etag)) !== 'replaced') continue;
    await ports.crm.upsertPerson(changed);
    const contactId = changed.onlineFundraising?.contactId;
    if (contactId) await ports.onlineFundraising.updateContact(contactId, wholeChanges(changes, changed));
    return 'applied';
  }
  throw new ConcurrencyConflictError(`person ${personId} changed concurrently while a caller's corrections were applied`);
}

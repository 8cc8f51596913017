import { indexForResolution } from '../identity/indexForResolution.js';
import type { IdentityIndex, MatchRuleStore } from '../identity/ports.js';
import { survivorOf } from '../identity/survivorOf.js';
import type { Clock } from '../shared/Clock.js';
import type { Logger } from '../shared/Logger.js';
import { ConcurrencyConflictError, NotFoundError } from '../shared/errors.js';
import type { ContactChanges } from './ContactChanges.js';
import { applyContactChanges, wholeChanges } from './applyContactChanges.js';
import type { CrmContactReader, OnlineFundraisingContacts, PersonRepository } from './ports.js';
import { personDataHash, samePersonData } from './samePersonData.js';
import { isAnonymised } from './Person.js';

export interface CrmContactChange {
  personId: string;
  /** The CRM user who made the change. */
  changedBy: string;
  changes: ContactChanges;
  /** Dataverse left the changed columns out (its message was over its size limit): read the contact as it is now. */
  readFromCrm?: boolean;
}

export interface CrmChangePorts {
  persons: PersonRepository;
  onlineFundraising: OnlineFundraisingContacts;
  identityIndex: IdentityIndex;
  matchRules: MatchRuleStore;
  /** The CRM user the engine itself writes as: its own writes come back as changes, and are dropped. */
  crmIdentity: { applicationUserId(): Promise<string> };
  crmContacts: CrmContactReader;
  clock: Clock;
  logger: Logger;
}

export type CrmChangeOutcome = 'own-write' | 'unchanged' | 'applied' | 'anonymised';

const maxAttempts = 5;

/**
 * [OnlineFundraising12] Staff changed a person's master data in the CRM: keep it in the engine
 * and, for a person in OF, on the OF contact. No loop: a change the engine made itself (by its CRM
 * user) is dropped; the CRM is not written back (it holds the data already, noted by fingerprint);
 * and OF's confirmation comes back as a contact equal to the person, which writes nothing.
 */
export async function applyCrmContactChange(change: CrmContactChange, ports: CrmChangePorts): Promise<CrmChangeOutcome> {
  if (change.changedBy === (await ports.crmIdentity.applicationUserId())) {
    ports.logger.info('CRM change made by the engine itself; dropped', { personId: change.personId });
    return 'own-write';
  }
  const personId = await survivorOf(change.personId, ports);
  if (!personId) throw new NotFoundError(`the CRM changed contact ${change.personId}, which the engine does not hold`);
  const changes = change.readFromCrm ? await ports.crmContacts.masterDataOf(change.personId) : change.changes;
  if (!changes) throw new NotFoundError(`the CRM has no contact ${change.personId} to read the change from`);
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await ports.persons.get(personId);
    if (!stored) throw new NotFoundError(`no person ${personId}`);
    if (isAnonymised(stored.value)) {
      ports.logger.info('CRM change of an anonymised person; not taken', { personId });
      return 'anonymised';
    }
    const changed = applyContactChanges(stored.value, changes, ports.clock.now());
    if (samePersonData(changed, stored.value)) return 'unchanged';
    const updated = { ...changed, crm: { writtenHash: personDataHash(changed), writtenAt: ports.clock.now().toISOString() } };
    if ((await ports.persons.replace(updated, stored.etag)) !== 'replaced') continue;
    await indexForResolution(updated, ports);
    const contactId = updated.onlineFundraising?.contactId;
    if (contactId) await ports.onlineFundraising.updateContact(contactId, wholeChanges(changes, updated));
    ports.logger.info('CRM change applied', { personId, toOnlineFundraising: contactId !== undefined });
    return 'applied';
  }
  throw new ConcurrencyConflictError(`person ${personId} changed concurrently ${maxAttempts} times in a row`);
}

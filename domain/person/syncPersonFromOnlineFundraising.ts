import type { RecordConsentPorts } from '../consent/recordConsentChanges.js';
import { carryConsentLog } from '../consent/carryConsentLog.js';
import { recordOnlineFundraisingConsents } from '../consent/recordOnlineFundraisingConsents.js';
import type { FieldMapping } from '../mapping/FieldMapping.js';
import { type FieldMappingStore, contactFieldMappingsId } from '../mapping/ports.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import type { Logger } from '../shared/Logger.js';
import { ConcurrencyConflictError, NotFoundError } from '../shared/errors.js';
import type { OnlineFundraisingContact } from './OnlineFundraisingContact.js';
import { type Person, isAnonymised } from './Person.js';
import { indexForResolution } from '../identity/indexForResolution.js';
import { type NewcomerPorts, settleConcurrentNewcomer } from '../identity/settleConcurrentNewcomer.js';
import { type ContactIdentityPorts, personForOnlineFundraisingContact } from '../identity/personForOnlineFundraisingContact.js';
import { personFromOnlineFundraisingContact, personIdForOnlineFundraisingContact } from './personFromOnlineFundraisingContact.js';
import type { CrmPersons, OnlineFundraisingContacts, PersonRepository } from './ports.js';
import { samePersonData } from './samePersonData.js';
import { writeNewestToCrm } from './writeNewestToCrm.js';
import type { CprVault } from './CprVault.js';
import { sealContactCpr } from './sealContactCpr.js';

export interface SyncPersonPorts extends ContactIdentityPorts, RecordConsentPorts, NewcomerPorts {
  onlineFundraising: OnlineFundraisingContacts;
  persons: PersonRepository;
  crm: CrmPersons;
  fieldMappings: FieldMappingStore;
  cprVault: CprVault;
  ids: Ids;
  clock: Clock;
  logger: Logger;
}

/** `merged`: OF merged the contact into another, whose person lives on; `parked`: waiting for a duplicate review. */
export type SyncOutcome = 'created' | 'updated' | 'unchanged' | 'older-than-stored' | 'merged' | 'parked' | 'anonymised';

export interface SyncResult {
  personId: string;
  outcome: SyncOutcome;
}

const maxSaveAttempts = 5;

/**
 * [OnlineFundraising1] An OF contact changed: read it from OF (the notification is only a hint),
 * find out which person it is ([CARE-Dedupe]), store the person with the contact's data, index
 * them for the resolver, and write the stored person to the CRM. Safe to repeat and to run out of
 * order: the person keeps the newest OF data, and the CRM write is an upsert by the person's id.
 */
export async function syncPersonFromOnlineFundraising(contactId: string, ports: SyncPersonPorts): Promise<SyncResult> {
  const fromOnlineFundraising = await ports.onlineFundraising.getContact(contactId);
  if (!fromOnlineFundraising) throw new NotFoundError(`OnlineFundraising has no contact ${contactId}`);
  if (fromOnlineFundraising.anonymisedAt) {
    // [OnlineFundraising5] OF anonymised it (the engine asked, or staff did in OF): it makes nobody.
    ports.logger.info('OF contact is anonymised; nothing taken from it', { contactId });
    return { personId: personIdForOnlineFundraisingContact(ports.ids, contactId), outcome: 'anonymised' };
  }
  const fieldMappings = (await ports.fieldMappings.get(contactFieldMappingsId))?.value.rules ?? [];
  const { contact, problem: cprProblem } = sealContactCpr(fromOnlineFundraising, fieldMappings, ports.cprVault);
  if (cprProblem) ports.logger.warn('OF contact has a CPR field that is no CPR number; it was not stored', { contactId, field: cprProblem.sourceField });
  const target = await personForOnlineFundraisingContact(contact, ports);
  if (target.kind === 'parked') {
    ports.logger.info('OF contact parked for a duplicate review', { contactId, reviewId: target.reviewId });
    return { personId: personIdForOnlineFundraisingContact(ports.ids, contact.id), outcome: 'parked' };
  }
  if (await anonymisedTarget(target.personId, contact.id, ports)) {
    ports.logger.info('OF contact of an anonymised person; nothing taken from it', { contactId, personId: target.personId });
    return { personId: target.personId, outcome: 'anonymised' };
  }
  if (target.kind === 'merged') {
    // The contact lives on in another: its signup consents go into its own person's log and are
    // carried to the survivor, as a merge does (so a merge and this notification add them once).
    const ownPersonId = personIdForOnlineFundraisingContact(ports.ids, contact.id);
    await recordOnlineFundraisingConsents(contact, ownPersonId, ports);
    await carryConsentLog(ownPersonId, target.personId, ports);
    return { personId: target.personId, outcome: 'merged' };
  }
  const { person, outcome } = await saveNewestPerson(contact, target.personId, fieldMappings, ports);
  await indexForResolution(person, ports);
  if (outcome === 'created') await settleConcurrentNewcomer(person, ports);
  await recordOnlineFundraisingConsents(contact, person.id, ports);
  await writeNewestToCrm(person, ports);
  ports.logger.info('person synchronised from OnlineFundraising', { personId: person.id, outcome });
  return { personId: person.id, outcome };
}

/** [GDPR1] The contact belongs to a tombstone (its own person's or the survivor's): a late or replayed notification recreates nothing. */
async function anonymisedTarget(personId: string, contactId: string, ports: SyncPersonPorts): Promise<boolean> {
  const own = personIdForOnlineFundraisingContact(ports.ids, contactId);
  const stored = await Promise.all([...new Set([personId, own])].map((id) => ports.persons.get(id)));
  return stored.some((each) => each !== null && isAnonymised(each.value));
}

async function saveNewestPerson(
  contact: OnlineFundraisingContact,
  personId: string,
  fieldMappings: readonly FieldMapping[],
  ports: SyncPersonPorts,
): Promise<{ person: Person; outcome: SyncOutcome }> {
  for (let attempt = 1; attempt <= maxSaveAttempts; attempt++) {
    const stored = await ports.persons.get(personId);
    const build = (existing?: Person) =>
      personFromOnlineFundraisingContact(contact, { personId, ids: ports.ids, now: ports.clock.now(), fieldMappings, ...(existing && { existing }) });
    if (!stored) {
      const created = build();
      if ((await ports.persons.create(created)) === 'created') return { person: created, outcome: 'created' };
      continue;
    }
    if (isOlder(contact.updatedAt, stored.value.onlineFundraising?.updatedAt)) {
      return { person: stored.value, outcome: 'older-than-stored' };
    }
    const updated = build(stored.value);
    if (samePersonData(updated, stored.value)) return { person: stored.value, outcome: 'unchanged' };
    if ((await ports.persons.replace(updated, stored.etag)) === 'replaced') return { person: updated, outcome: 'updated' };
  }
  throw new ConcurrencyConflictError(`person ${personId} changed concurrently ${maxSaveAttempts} times in a row`);
}

function isOlder(candidate: string, stored: string | undefined): boolean {
  return stored !== undefined && Date.parse(candidate) < Date.parse(stored);
}

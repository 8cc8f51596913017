import { recordAudit } from '../audit/recordAudit.js';
import type { AuditLog } from '../audit/ports.js';
import type { IdentityIndex } from '../identity/ports.js';
import type { MirrorRepository } from '../mirror/ports.js';
import type { PersonRepository } from '../person/ports.js';
import { engineActor } from '../shared/Actor.js';
import type { Clock } from '../shared/Clock.js';
import { NotFoundError } from '../shared/errors.js';
import type { Ids } from '../shared/Ids.js';
import type { Logger } from '../shared/Logger.js';
import type { PersonAnonymisation } from './Anonymisation.js';
import { eraseEngineRecords } from './eraseEngineRecords.js';
import type { CrmAnonymisation, OnlineFundraisingAnonymisation, PersonalRecords } from './ports.js';
import { updateAnonymisation } from './updateAnonymisation.js';
import { type CloseLeadPorts, closeOpenLeadsOfPerson } from '../telemarketing/closeLeads.js';

export interface ContinueAnonymisationPorts extends Omit<CloseLeadPorts, 'clock'> {
  persons: PersonRepository;
  identityIndex: IdentityIndex;
  mirror: MirrorRepository;
  personalRecords: PersonalRecords;
  onlineFundraisingAnonymisation: OnlineFundraisingAnonymisation;
  crmAnonymisation: CrmAnonymisation;
  auditLog: AuditLog;
  ids: Ids;
  clock: Clock;
  logger: Logger;
}

/**
 * [GDPR1][OnlineFundraising5] Finishes what `startAnonymisation` began: erases the person's other
 * records in the engine (and those of persons merged into them), closes their open telemarketing leads, has OF anonymise their contacts and
 * the CRM their contact, and marks the person anonymised once both confirmed. Each step is safe to
 * repeat, and a confirmed system is not asked again, so the queue can retry it until every system holds.
 */
export async function continueAnonymisation(personId: string, ports: ContinueAnonymisationPorts): Promise<'anonymised' | 'nothing-to-do'> {
  const record = (await ports.persons.get(personId))?.value.anonymisation;
  if (!record || record.status === 'anonymised') return 'nothing-to-do';
  for (const id of [personId, ...record.mergedPersonIds]) {
    await eraseEngineRecords(id, record, ports);
    // [Dialer3] Nobody may call them again: their open leads close at once, in the dialer too.
    await closeOpenLeadsOfPerson(id, 'anonymised', ports);
  }
  await ports.personalRecords.erasePayments(record.removedPaymentIds);
  if (record.outside.onlineFundraising.status === 'pending') {
    await anonymiseInOnlineFundraising(record, ports);
    await updateAnonymisation(personId, (current) => ({ ...current, outside: { ...current.outside, onlineFundraising: confirmed(ports.clock) } }), ports);
  }
  if (record.outside.crm.status === 'pending') {
    for (const id of [personId, ...record.mergedPersonIds]) await ports.crmAnonymisation.anonymiseContact(id, record.crmColumns);
    await updateAnonymisation(personId, (current) => ({ ...current, outside: { ...current.outside, crm: confirmed(ports.clock) } }), ports);
  }
  const anonymisedAt = ports.clock.now().toISOString();
  for (const id of [personId, ...record.mergedPersonIds]) await updateAnonymisation(id, (current) => ({ ...current, status: 'anonymised', anonymisedAt }), ports);
  await recordAudit(
    { actor: engineActor('anonymisation'), action: 'anonymisation confirmed', kind: 'change', personIds: [personId, ...record.mergedPersonIds], purpose: 'the engine, OF and the CRM hold nothing personal of the person' },
    ports,
  );
  ports.logger.info('person anonymised', { personId, mergedPersons: record.mergedPersonIds.length });
  return 'anonymised';
}

async function anonymiseInOnlineFundraising(record: PersonAnonymisation, ports: ContinueAnonymisationPorts): Promise<void> {
  for (const contactId of record.onlineFundraisingContactIds) {
    try {
      await ports.onlineFundraisingAnonymisation.anonymiseContact(contactId);
    } catch (error) {
      // A contact OF does not know (deleted there) holds nothing to anonymise.
      if (!(error instanceof NotFoundError)) throw error;
      ports.logger.warn('OF does not know the contact being anonymised; nothing to do there', { contactId });
    }
  }
}

function confirmed(clock: Clock) {
  return { status: 'confirmed' as const, confirmedAt: clock.now().toISOString() };
}

import { indexForResolution } from '../identity/indexForResolution.js';
import type { IdentityIndex, MatchRuleStore } from '../identity/ports.js';
import { resolveIdentity } from '../identity/resolveIdentity.js';
import { type NewcomerPorts, settleConcurrentNewcomer } from '../identity/settleConcurrentNewcomer.js';
import { survivorOf } from '../identity/survivorOf.js';
import type { Person } from '../person/Person.js';
import type { CrmPersons, PersonRepository } from '../person/ports.js';
import { writeNewestToCrm } from '../person/writeNewestToCrm.js';
import type { Logger } from '../shared/Logger.js';

export interface SmsSenderPorts extends NewcomerPorts {
  persons: PersonRepository;
  crm: CrmPersons;
  identityIndex: IdentityIndex;
  matchRules: MatchRuleStore;
  logger: Logger;
}

/**
 * [OnlineFundraising8] The person who sent an inbound SMS: the one OF linked it to, else whoever the
 * resolver finds by the phone number (a phone match merges automatically), else a new person known
 * only by that number (`isNew`: created by this SMS). Undefined when the number belongs to more than one person (left for staff,
 * logged) or is no phone number.
 */
export async function personForSmsSender(
  phone: string | undefined,
  linkedPersonId: string | undefined,
  ports: SmsSenderPorts,
): Promise<{ personId: string; isNew: boolean } | undefined> {
  if (linkedPersonId) return { personId: (await survivorOf(linkedPersonId, ports)) ?? linkedPersonId, isNew: false };
  if (!phone) return undefined;
  const resolution = await resolveIdentity({ emails: [], phones: [phone] }, ports);
  if (resolution.outcome === 'match') return { personId: resolution.personId, isNew: false };
  if (resolution.outcome === 'review') {
    ports.logger.warn('inbound SMS from a number several persons have; not linked', { persons: resolution.personIds.join(', ') });
    return undefined;
  }
  return newSmsSender(phone, ports);
}

async function newSmsSender(phone: string, ports: SmsSenderPorts): Promise<{ personId: string; isNew: boolean }> {
  const now = ports.clock.now().toISOString();
  const person: Person = { id: ports.ids.fromKey(`sms-sender:${phone}`), firstName: '', lastName: '', emails: [], phones: { primary: phone }, rejectedPhones: [], createdAt: now, updatedAt: now };
  const created = (await ports.persons.create(person)) === 'created';
  await indexForResolution(person, ports);
  if (created) await settleConcurrentNewcomer(person, ports);
  await writeNewestToCrm(person, ports);
  return { personId: person.id, isNew: created };
}

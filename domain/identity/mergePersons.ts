import { carryConsentLog } from '../consent/carryConsentLog.js';
import { type CarryPorts, carryPaymentsAndAgreements } from './carryPaymentsAndAgreements.js';
import type { ConsentLog } from '../consent/ports.js';
import { refreshSupporterKind } from '../mirror/refreshSupporterKind.js';
import type { MirrorRepository } from '../mirror/ports.js';
import type { Person } from '../person/Person.js';
import type { CrmPersons, OnlineFundraisingContacts, PersonRepository } from '../person/ports.js';
import { writeNewestToCrm } from '../person/writeNewestToCrm.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import type { Logger } from '../shared/Logger.js';
import { ConcurrencyConflictError, DomainError, NotFoundError } from '../shared/errors.js';
import { indexForResolution } from './indexForResolution.js';
import { carryCprNumber } from './carryCprNumber.js';
import { markMergedAway } from './markMergedAway.js';
import type { IdentityIndex, MatchRuleStore } from './ports.js';
import { survivorOf } from './survivorOf.js';

export interface MergePorts extends CarryPorts {
  persons: PersonRepository;
  mirror: Pick<MirrorRepository, 'findAllOfPerson' | 'findOfPerson' | 'replace'>;
  onlineFundraising: OnlineFundraisingContacts;
  crm: CrmPersons;
  identityIndex: IdentityIndex;
  matchRules: MatchRuleStore;
  consentLog: ConsentLog;
  ids: Ids;
  clock: Clock;
  logger: Logger;
}

/** Who asked for the merge: the CRM has then merged its contacts already. */
export type MergeOrigin = 'engine' | 'crm';

export class SamePersonError extends DomainError {
  readonly code = 'same_person';
}

const maxAttempts = 5;

/**
 * [OnlineFundraising13] Two persons are one. Both in OF: OF merges the merged person's contact into
 * the survivor's. Only the merged person in OF: the OF key moves to the survivor. Neither: engine
 * and CRM only. Then the merged person points to the survivor, their records move to the survivor,
 * a survivor without a CPR number takes the merged person's, the resolver's index follows, and the
 * CRM merges its contacts (unless the merge came from there).
 * Safe to repeat: every step checks what is already done.
 */
export async function mergePersons(survivorId: string, mergedId: string, origin: MergeOrigin, ports: MergePorts): Promise<{ survivorId: string }> {
  const survivor = await survivorOf(survivorId, ports);
  if (!survivor) throw new NotFoundError(`no person ${survivorId}`);
  const merged = await ports.persons.get(mergedId);
  if (!merged) throw new NotFoundError(`no person ${mergedId}`);
  if (survivor === mergedId) throw new SamePersonError(`person ${mergedId} is the survivor itself`);
  await mergeInOnlineFundraising(survivor, merged.value, ports);
  await markMergedAway(merged.value, survivor, ports);
  await indexForResolution({ ...merged.value, mergedInto: survivor }, ports);
  const moved = await moveRecords(mergedId, survivor, ports);
  const consentLines = await carryConsentLog(mergedId, survivor, ports);
  const paymentsAndAgreements = await carryPaymentsAndAgreements(mergedId, survivor, ports);
  await carryCprNumber(merged.value, survivor, ports);
  if (origin === 'engine') await ports.crm.mergePersons(survivor, mergedId);
  const stored = await ports.persons.get(survivor);
  if (stored) {
    await indexForResolution(stored.value, ports);
    await writeNewestToCrm(stored.value, ports);
  }
  await refreshSupporterKind(survivor, ports);
  ports.logger.info('persons merged', { survivorId: survivor, mergedId, origin, recordsMoved: moved, consentLines, paymentsAndAgreements });
  return { survivorId: survivor };
}

async function mergeInOnlineFundraising(survivorId: string, merged: Person, ports: MergePorts): Promise<void> {
  const mergedContact = merged.onlineFundraising?.contactId;
  if (!mergedContact) return;
  const stored = await ports.persons.get(survivorId);
  const survivorContact = stored?.value.onlineFundraising?.contactId;
  if (survivorContact && survivorContact !== mergedContact) return ports.onlineFundraising.mergeContacts(survivorContact, mergedContact);
  if (!survivorContact) await takeOnlineFundraisingKey(survivorId, merged, ports);
}

/** Only the merged person is in OF: the survivor becomes the person of that OF contact. */
async function takeOnlineFundraisingKey(survivorId: string, merged: Person, ports: MergePorts): Promise<void> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await ports.persons.get(survivorId);
    if (!stored || stored.value.onlineFundraising) return;
    const updated = { ...stored.value, onlineFundraising: merged.onlineFundraising!, updatedAt: ports.clock.now().toISOString() };
    if ((await ports.persons.replace(updated, stored.etag)) === 'replaced') return;
  }
  throw new ConcurrencyConflictError(`person ${survivorId} changed concurrently ${maxAttempts} times in a row`);
}

/** Agreements, payments and the rest of the merged person's records now belong to the survivor (and go to the CRM again). */
async function moveRecords(mergedId: string, survivorId: string, ports: MergePorts): Promise<number> {
  let moved = 0;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const records = await ports.mirror.findAllOfPerson(mergedId);
    if (records.length === 0) return moved;
    for (const { value, etag } of records) {
      const crm = { ...value.crm, pending: true, pendingSince: value.crm?.pendingSince ?? ports.clock.now().toISOString() };
      if ((await ports.mirror.replace({ ...value, personId: survivorId, crm }, etag)) === 'replaced') moved++;
    }
  }
  throw new ConcurrencyConflictError(`records of person ${mergedId} kept changing while they were moved`);
}

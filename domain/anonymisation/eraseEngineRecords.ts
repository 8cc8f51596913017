import type { IdentityIndex } from '../identity/ports.js';
import type { MirrorRepository } from '../mirror/ports.js';
import { isAnonymised } from '../person/Person.js';
import type { PersonRepository } from '../person/ports.js';
import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import type { PersonAnonymisation } from './Anonymisation.js';
import { anonymisedMirrorRecord } from './anonymisedMirrorRecord.js';
import type { PersonalRecords } from './ports.js';
import { tombstoneOf } from './tombstone.js';

export interface EraseEnginePorts {
  persons: PersonRepository;
  identityIndex: IdentityIndex;
  mirror: MirrorRepository;
  personalRecords: PersonalRecords;
  clock: Clock;
}

const maxAttempts = 5;

/**
 * [GDPR1] Erases one person's data from the engine's stores besides the ledger: the person record
 * becomes a tombstone (a person merged into the one anonymised gets one too), their match keys leave
 * the identity index, their consent log, form submissions, list and group memberships, duplicate
 * reviews, open automation triggers and member-service tasks are deleted, and their mirrored OF records lose their
 * personal fields (and go to the CRM again, so its copy does too). Signatures stay: they hold no
 * contact details, only opaque keys, and petition totals count them ([Leadflow]). Safe to repeat.
 */
export async function eraseEngineRecords(personId: string, anonymisation: PersonAnonymisation, ports: EraseEnginePorts): Promise<void> {
  await tombstoneIfNotYet(personId, anonymisation, ports);
  await ports.identityIndex.indexPerson(personId, []);
  await ports.personalRecords.eraseConsentLog(personId);
  await ports.personalRecords.eraseFormSubmissions(personId);
  await ports.personalRecords.eraseMarketingListMemberships(personId);
  await ports.personalRecords.eraseSegmentMemberships(personId);
  await ports.personalRecords.eraseDuplicateReviews(personId);
  await ports.personalRecords.eraseAutomationTriggers(personId);
  await ports.personalRecords.eraseMemberServiceTasks(personId);
  await anonymiseMirrorRecords(personId, ports);
}

async function tombstoneIfNotYet(personId: string, anonymisation: PersonAnonymisation, ports: EraseEnginePorts): Promise<void> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await ports.persons.get(personId);
    if (!stored || isAnonymised(stored.value)) return;
    const own = { ...anonymisation, mergedPersonIds: [], onlineFundraisingContactIds: [], removedPaymentIds: [] };
    if ((await ports.persons.replace(tombstoneOf(stored.value, own, ports.clock.now()), stored.etag)) === 'replaced') return;
  }
  throw new ConcurrencyConflictError(`person ${personId} changed concurrently ${maxAttempts} times in a row`);
}

async function anonymiseMirrorRecords(personId: string, ports: EraseEnginePorts): Promise<void> {
  for (const { value } of await ports.mirror.findAllOfPerson(personId)) {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const stored = await ports.mirror.get(value.id);
      if (!stored) break;
      const anonymised = anonymisedMirrorRecord(stored.value, ports.clock.now());
      if (JSON.stringify(anonymised.record) === JSON.stringify(stored.value.record)) break;
      if ((await ports.mirror.replace(anonymised, stored.etag)) === 'replaced') break;
      if (attempt === maxAttempts) throw new ConcurrencyConflictError(`mirror record ${value.id} changed concurrently ${maxAttempts} times in a row`);
    }
  }
}

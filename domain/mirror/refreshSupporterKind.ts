import type { CrmPersons, PersonRepository } from '../person/ports.js';
import { writeNewestToCrm } from '../person/writeNewestToCrm.js';
import type { Clock } from '../shared/Clock.js';
import type { Logger } from '../shared/Logger.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import type { OfAgreement } from './OnlineFundraisingRecords.js';
import type { MirrorRepository } from './ports.js';
import { type SupporterKind, supporterKind } from './supporterKind.js';

export interface SupporterKindPorts {
  mirror: Pick<MirrorRepository, 'findOfPerson'>;
  persons: PersonRepository;
  crm: CrmPersons;
  clock: Clock;
  logger: Logger;
}

const maxSaveAttempts = 5;

/**
 * [Rapportering2] An agreement of the person changed, or the person arrived: derive from all their
 * agreements whether they are a member, a member with regular support, a regular supporter or a
 * one-off donor, and keep that on the person and in the CRM. Nothing is written when it is the same.
 * Two agreements of one person can change at once, each worker seeing the other's or not; so the
 * kind is derived again after every save, until what is stored is what the agreements say.
 */
export async function refreshSupporterKind(personId: string, ports: SupporterKindPorts): Promise<SupporterKind | undefined> {
  for (let attempt = 1; attempt <= maxSaveAttempts; attempt++) {
    const agreements = (await ports.mirror.findOfPerson(personId, 'agreement')).map((record) => record.record as OfAgreement);
    const kind = supporterKind(agreements);
    const stored = await ports.persons.get(personId);
    // The person has not arrived yet; their contact sync refreshes the kind when it does.
    if (!stored) return undefined;
    if ((stored.value.supporterKind ?? 'none') === kind) return kind;
    const updated = { ...stored.value, supporterKind: kind, updatedAt: ports.clock.now().toISOString() };
    if ((await ports.persons.replace(updated, stored.etag)) === 'replaced') {
      ports.logger.info('supporter kind changed', { personId, from: stored.value.supporterKind ?? 'none', to: kind });
      await writeNewestToCrm(updated, ports);
    }
  }
  throw new ConcurrencyConflictError(`the supporter kind of person ${personId} kept changing ${maxSaveAttempts} times in a row`);
}

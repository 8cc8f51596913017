import type { WorkQueue } from '../messaging/WorkItem.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import type { PersonRepository } from '../person/ports.js';
import { InvalidMergeRequestError } from './errors.js';
import type { MergeOrigin } from './mergePersons.js';

export const personMergeKind = 'person-merge';

export interface PersonMergeRequest {
  survivorPersonId: string;
  mergedPersonId: string;
  origin: MergeOrigin;
  /** The staff user (CRM user id or admin API caller) who asked. */
  requestedBy: string;
}

/**
 * [OnlineFundraising13] A merge asked for by staff (admin API, or in Dynamics) is queued and done
 * later, with retries: it calls OF and the CRM. The same request twice is one message id.
 * [NFR-Input] What can be known to be wrong now is refused now, not dead-lettered later: a person
 * merged into themselves, and (asked through the engine) a person the engine does not hold. Dynamics
 * reports merges it has already done, of contacts the engine may not hold yet; those are queued.
 */
export async function requestMerge(request: PersonMergeRequest, ports: { mergeQueue: WorkQueue; persons: Pick<PersonRepository, 'get'>; ids: Ids; clock: Clock }): Promise<{ messageId: string }> {
  await refuseImpossibleMerge(request, ports.persons);
  const messageId = ports.ids.fromKey(`person-merge:${request.survivorPersonId}:${request.mergedPersonId}`);
  await ports.mergeQueue.enqueue({ messageId, kind: personMergeKind, body: request, enqueuedAt: ports.clock.now().toISOString() });
  return { messageId };
}

async function refuseImpossibleMerge(request: PersonMergeRequest, persons: Pick<PersonRepository, 'get'>): Promise<void> {
  if (request.survivorPersonId === request.mergedPersonId) {
    throw new InvalidMergeRequestError('a person cannot be merged into themselves', [{ field: 'mergedPersonId', problem: 'the same person as the survivor' }]);
  }
  if (request.origin !== 'engine') return;
  const [survivor, merged] = await Promise.all([persons.get(request.survivorPersonId), persons.get(request.mergedPersonId)]);
  const fields = [
    ...(survivor ? [] : [{ field: 'id', problem: 'no person with this id' }]),
    ...(merged ? [] : [{ field: 'mergedPersonId', problem: 'no person with this id' }]),
  ];
  if (fields.length > 0) throw new InvalidMergeRequestError('the merge names a person the engine does not hold', fields);
}

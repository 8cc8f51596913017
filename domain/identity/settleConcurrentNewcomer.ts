import type { WorkQueue } from '../messaging/WorkItem.js';
import type { Person } from '../person/Person.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import { candidateOf } from './IdentityCandidate.js';
import { requestMerge } from './requestMerge.js';
import { type ResolvePorts, resolveIdentity } from './resolveIdentity.js';

export interface NewcomerPorts extends ResolvePorts {
  mergeQueue: WorkQueue;
  ids: Ids;
  clock: Clock;
}

/**
 * [CARE-Dedupe] Two contacts of one person arriving at the same moment can both be resolved as
 * nobody and both saved as new. So a person just saved as new is resolved again once indexed: a
 * person a merge rule finds now arrived concurrently. The one with the larger id is merged into the
 * other through the merge queue. At least one of the two workers sees the pair (the later index
 * write sees the earlier), either may ask, and the same request twice is one message.
 */
export async function settleConcurrentNewcomer(person: Person, ports: NewcomerPorts): Promise<void> {
  const resolution = await resolveIdentity(candidateOf(person), ports, person.id);
  if (resolution.outcome !== 'match') return;
  const [survivorPersonId, mergedPersonId] = [person.id, resolution.personId].sort() as [string, string];
  await requestMerge({ survivorPersonId, mergedPersonId, origin: 'engine', requestedBy: 'identity-resolver' }, ports);
}

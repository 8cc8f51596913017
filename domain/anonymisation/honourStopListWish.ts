import type { Person } from '../person/Person.js';
import { type Actor, actorReference } from '../shared/Actor.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import { addToStopList } from '../stoplist/addToStopList.js';
import type { StopList } from '../stoplist/ports.js';
import { normalisedContactPoints } from '../stoplist/StopListEntry.js';
import type { AnonymisationRequest } from './Anonymisation.js';
import { InvalidAnonymisationRequestError } from './errors.js';

/**
 * [StopList] A person being anonymised is kept on, put on or taken off the stop list exactly as they
 * ask. An entry holds the phone and email it stops (that is what it matches on), not the name.
 */
export async function honourStopListWish(person: Person, request: AnonymisationRequest, actor: Actor, ports: { stopList: StopList; ids: Ids; clock: Clock }): Promise<void> {
  const wish = request.stopList;
  if (wish === 'leave') return;
  if (wish === 'remove') {
    const entries = await ports.stopList.findByContact(normalisedContactPoints({ phones: Object.values(person.phones), emails: person.emails }));
    for (const entry of entries) await ports.stopList.remove(entry.id);
    return;
  }
  const phone = person.phones.primary;
  const email = person.emails[0];
  await addToStopList(
    {
      ...(phone && { phone }),
      ...(email && { email }),
      sms: wish.sms,
      telemarketing: wish.telemarketing,
      requestedAt: request.requestedOn,
      source: 'anonymisation',
      addedBy: actorReference(actor),
    },
    ports,
  );
}

/** The stop-list part of a request checked before anything changes: a wish to be stopped needs something to stop. */
export function stopListWishProblems(person: Person, request: AnonymisationRequest): { field: string; problem: string }[] {
  const wish = request.stopList;
  if (typeof wish === 'string') return [];
  if (!person.phones.primary && person.emails.length === 0) return [{ field: 'stopList', problem: 'the person has no phone or email the stop list could hold' }];
  return [];
}

export function assertStopListWish(person: Person, request: AnonymisationRequest): void {
  const problems = stopListWishProblems(person, request);
  if (problems.length > 0) throw new InvalidAnonymisationRequestError(problems);
}

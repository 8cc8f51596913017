import { isAnonymised } from '../person/Person.js';
import type { PersonRepository } from '../person/ports.js';
import { type Actor, actorReference } from '../shared/Actor.js';
import { addMonths } from '../shared/businessDates.js';
import type { Clock } from '../shared/Clock.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import { ConcurrencyConflictError, NotFoundError } from '../shared/errors.js';
import type { AnonymisationCandidate, AnonymisationCandidates } from './AnonymisationCandidate.js';
import { AlreadyAnonymisedError } from './errors.js';

export interface DecideCandidatePorts {
  persons: PersonRepository;
  candidates: AnonymisationCandidates;
  clock: Clock;
}

const maxAttempts = 5;

/**
 * [CARE-Anon] Staff include or exclude a person. Include: anonymised on the candidate's date (one
 * month from now for someone the rules had not found), whatever the exclusion rules say, unless the
 * person engages first. Exclude: the schedule leaves them alone until staff include them again.
 */
export async function decideCandidate(personId: string, decision: { decision: 'include' | 'exclude'; note?: string }, actor: Actor, ports: DecideCandidatePorts): Promise<AnonymisationCandidate> {
  const person = await ports.persons.get(personId);
  if (!person) throw new NotFoundError(`no person ${personId}`);
  if (isAnonymised(person.value)) throw new AlreadyAnonymisedError(`person ${personId} is anonymised already`);
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await ports.candidates.get(personId);
    const now = ports.clock.now();
    const today = copenhagenDateOf(now);
    const base = stored && stored.value.status !== 'withdrawn' ? stored.value : { id: personId, foundOn: today, anonymiseOn: addMonths(today, 1) };
    const decided: AnonymisationCandidate = {
      ...base,
      status: decision.decision === 'include' ? 'included' : 'excluded',
      staffDecision: { decision: decision.decision, by: actorReference(actor), at: now.toISOString(), ...(decision.note && { note: decision.note }) },
      updatedAt: now.toISOString(),
    };
    if (stored?.value.status === 'anonymised') throw new AlreadyAnonymisedError(`person ${personId} is anonymised already`);
    if ((await ports.candidates.save(decided, stored?.etag)) === 'saved') return decided;
  }
  throw new ConcurrencyConflictError(`the candidate ${personId} changed concurrently ${maxAttempts} times in a row`);
}

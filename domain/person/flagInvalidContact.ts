import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError, DomainError, NotFoundError } from '../shared/errors.js';
import { survivorOf } from '../identity/survivorOf.js';
import type { ContactChannel, InvalidReason } from './invalidContact.js';
import type { Person } from './Person.js';
import type { CrmPersons, PersonRepository } from './ports.js';
import { writeNewestToCrm } from './writeNewestToCrm.js';

export class NothingToFlagError extends DomainError {
  readonly code = 'nothing_to_flag';
}

export interface FlagPorts {
  persons: PersonRepository;
  crm: CrmPersons;
  clock: Clock;
}

const maxAttempts = 5;

/**
 * [OnlineFundraising12] Marks the person's primary email or phone as not working (a bounce, a
 * failed SMS, or member service after a failed call). The mark names the value that failed, so it
 * no longer applies once the person has another one. The CRM shows it.
 */
export async function flagInvalidContact(
  personId: string,
  flag: { channel: ContactChannel; reason: InvalidReason; by: string },
  ports: FlagPorts,
): Promise<Person> {
  const id = await survivorOf(personId, ports);
  if (!id) throw new NotFoundError(`no person ${personId}`);
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await ports.persons.get(id);
    if (!stored) throw new NotFoundError(`no person ${personId}`);
    const value = primaryValue(stored.value, flag.channel);
    if (!value) throw new NothingToFlagError(`person ${id} has no ${flag.channel} to flag`);
    const now = ports.clock.now().toISOString();
    const updated: Person = { ...stored.value, invalid: { ...stored.value.invalid, [flag.channel]: { value, reason: flag.reason, at: now, by: flag.by } }, updatedAt: now };
    if ((await ports.persons.replace(updated, stored.etag)) !== 'replaced') continue;
    await writeNewestToCrm(updated, ports);
    return updated;
  }
  throw new ConcurrencyConflictError(`person ${id} changed concurrently ${maxAttempts} times in a row`);
}

export function primaryValue(person: Person, channel: ContactChannel): string | undefined {
  return channel === 'email' ? person.emails[0] : person.phones.primary;
}

/** Whether the mark still applies: the person still has the value that failed. */
export function isFlaggedInvalid(person: Person, channel: ContactChannel): boolean {
  const flag = person.invalid?.[channel];
  return flag !== undefined && flag.value === primaryValue(person, channel);
}

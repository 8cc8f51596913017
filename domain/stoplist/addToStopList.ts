import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import type { Ids } from '../shared/Ids.js';
import { InvalidStopListRequestError } from './errors.js';
import type { StopList } from './ports.js';
import { type StopListEntry, contactProblems, normaliseEmail, normalisePhone } from './StopListEntry.js';
import { type StopListWish, entryToWiden, widenEntry } from './widenEntry.js';

/** A request to be stop-listed as staff enter it: phone and email as typed. */
export type StopListRequest = Omit<StopListWish, 'phone' | 'email'> & { phone?: string | undefined; email?: string | undefined };

export interface AddedToStopList {
  /** `added`: a new entry; `widened`: an entry for the same phone or email now forbids more; `already-listed`: it forbade that already. */
  outcome: 'added' | 'widened' | 'already-listed';
  entry: StopListEntry;
}

const maxAttempts = 5;

/**
 * [StopList] Staff put a person on the stop list. Asking again with the same phone or email widens
 * the entry that holds it instead of adding a second one.
 */
export async function addToStopList(request: StopListRequest, ports: { stopList: StopList; ids: Ids; clock: Clock }): Promise<AddedToStopList> {
  const wish = normalisedWish(request);
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const matches = await ports.stopList.findByContact({ phones: wish.phone ? [wish.phone] : [], emails: wish.email ? [wish.email] : [] });
    const existing = entryToWiden(matches, wish);
    const now = ports.clock.now().toISOString();
    if (!existing) {
      // Two staff adding the same number at the same instant may both get here; the two entries both match, so nobody is contacted.
      const entry: StopListEntry = { id: ports.ids.random(), ...wish, addedAt: now };
      await ports.stopList.add(entry);
      return { outcome: 'added', entry };
    }
    const stored = await ports.stopList.get(existing.id);
    if (!stored) continue;
    const widened = widenEntry(stored.value, wish, now);
    if (!widened) return { outcome: 'already-listed', entry: stored.value };
    if ((await ports.stopList.replace(widened, stored.etag)) === 'replaced') return { outcome: 'widened', entry: widened };
  }
  throw new ConcurrencyConflictError(`the stop list changed concurrently ${maxAttempts} times in a row`);
}

function normalisedWish(request: StopListRequest): StopListWish {
  const problems = contactProblems(request);
  if (problems.length > 0) throw new InvalidStopListRequestError(problems);
  const { phone, email, name, ...rest } = request;
  const normalisedPhone = phone?.trim() ? normalisePhone(phone) : undefined;
  const normalisedEmail = email?.trim() ? normaliseEmail(email) : undefined;
  return {
    ...rest,
    ...(name?.trim() && { name: name.trim() }),
    ...(normalisedPhone && { phone: normalisedPhone }),
    ...(normalisedEmail && { email: normalisedEmail }),
  };
}

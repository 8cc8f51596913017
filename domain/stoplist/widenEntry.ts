import { effectiveFlags } from './forbids.js';
import type { StopListEntry } from './StopListEntry.js';

/** A person's request to be stop-listed, phone and email already normalised. */
export type StopListWish = Omit<StopListEntry, 'id' | 'addedAt' | 'widenedBy' | 'widenedAt'>;

type Flags = Pick<StopListEntry, 'sms' | 'telemarketing'>;
const filledIn = ['name', 'phone', 'email'] as const;

/** [StopList] The flags of two requests together: a stop is widened, never narrowed; each channel stopped by either stays stopped. */
export function widenedFlags(a: Flags, b: Flags): Flags {
  const [x, y] = [effectiveFlags(a), effectiveFlags(b)];
  return { sms: x.sms || y.sms, telemarketing: x.telemarketing || y.telemarketing };
}

/**
 * The matching entry a repeated request widens: one whose phone and email are the request's or
 * empty, so that taking it in loses neither; the one that already holds most of it, then the oldest.
 * Undefined when every match holds another phone or email than the request (it is then an entry of its own).
 */
export function entryToWiden(matches: StopListEntry[], wish: StopListWish): StopListEntry | undefined {
  return matches
    .filter((entry) => contactSlots(entry, wish).every((slot) => slot !== 'conflict'))
    .sort((a, b) => emptySlots(a, wish) - emptySlots(b, wish) || a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id))[0];
}

/** The entry widened by a repeated request, or undefined when it already covers it. Name, phone and email are filled in where it had none. */
export function widenEntry(entry: StopListEntry, wish: StopListWish, at: string): StopListEntry | undefined {
  const widened: StopListEntry = { ...entry, ...widenedFlags(entry, wish) };
  for (const field of filledIn) if (widened[field] === undefined && wish[field] !== undefined) widened[field] = wish[field];
  const changed = widened.sms !== entry.sms || widened.telemarketing !== entry.telemarketing || filledIn.some((field) => widened[field] !== entry[field]);
  return changed ? { ...widened, widenedBy: wish.addedBy, widenedAt: at } : undefined;
}

function contactSlots(entry: StopListEntry, wish: StopListWish): ('same' | 'empty' | 'conflict' | 'not-asked')[] {
  return (['phone', 'email'] as const).map((field) => {
    if (wish[field] === undefined) return 'not-asked';
    if (entry[field] === undefined) return 'empty';
    return entry[field] === wish[field] ? 'same' : 'conflict';
  });
}

function emptySlots(entry: StopListEntry, wish: StopListWish): number {
  return contactSlots(entry, wish).filter((slot) => slot === 'empty').length;
}

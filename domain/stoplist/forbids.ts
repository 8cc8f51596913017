import type { StopListEntry } from './StopListEntry.js';

/** What a producer is about to do: send an SMS, call (telemarketing), or reach the person any other way (a segment, a letter, an email). */
export type StopListPurpose = 'sms' | 'telemarketing' | 'any';

export const stopListPurposes = ['sms', 'telemarketing', 'any'] as const satisfies readonly StopListPurpose[];

/**
 * [StopList] Whether an entry forbids contact for the purpose.
 *
 * The list is a "never contact" list; the SMS and TM flags, as in the table it replaces, narrow it:
 * - `sms` true: never SMS; `telemarketing` true: never call.
 * - Both false: the person asked never to be contacted at all, so the entry forbids every purpose.
 * - `any` (segments and other channels) is forbidden by every entry: whoever is on the list, for
 *   whatever reason, is kept out of a segment.
 */
export function forbids(entry: Pick<StopListEntry, 'sms' | 'telemarketing'>, purpose: StopListPurpose): boolean {
  if (forbidsEverything(entry) || purpose === 'any') return true;
  return entry[purpose];
}

/** Neither flag set: the person is not to be contacted at all. */
export function forbidsEverything(entry: Pick<StopListEntry, 'sms' | 'telemarketing'>): boolean {
  return !entry.sms && !entry.telemarketing;
}

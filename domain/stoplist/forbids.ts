import type { ConsentChannel } from '../consent/ConsentEntry.js';
import type { StopListEntry } from './StopListEntry.js';

/**
 * What a producer is about to do: send an SMS or call (telemarketing), the two channels the stop
 * file covers; or `any`, a lookup of whether the person is on the list for either.
 */
export type StopListPurpose = 'sms' | 'telemarketing' | 'any';

export const stopListPurposes = ['sms', 'telemarketing', 'any'] as const satisfies readonly StopListPurpose[];

/** [StopList] What the stop list forbids when reaching a person by a channel: SMS and calls; email and post are consent's business alone. */
export function stopListPurposeOfChannel(channel: ConsentChannel): StopListPurpose | undefined {
  return channel === 'sms' ? 'sms' : channel === 'phone' ? 'telemarketing' : undefined;
}

/**
 * [StopList] Whether an entry forbids contact for the purpose. The stop file holds people who asked
 * never to be contacted by SMS or by telemarketing, with "SMS yes/no" and "TM yes/no" (seed 000,
 * Dialer5 note): an entry forbids exactly the channels it flags. An SMS-only entry keeps the person
 * from SMS, not from calls, and from neither email nor post, which the stop file does not cover
 * (consent does). New entries flag at least one channel; an entry from before that rule with no flag
 * is read as the file's "never by SMS or telemarketing".
 */
export function forbids(entry: Pick<StopListEntry, 'sms' | 'telemarketing'>, purpose: StopListPurpose): boolean {
  const flags = effectiveFlags(entry);
  return purpose === 'any' ? flags.sms || flags.telemarketing : flags[purpose];
}

/** The channels an entry stops: its flags, or both for an entry with none. */
export function effectiveFlags(entry: Pick<StopListEntry, 'sms' | 'telemarketing'>): Pick<StopListEntry, 'sms' | 'telemarketing'> {
  return entry.sms || entry.telemarketing ? { sms: entry.sms, telemarketing: entry.telemarketing } : { sms: true, telemarketing: true };
}

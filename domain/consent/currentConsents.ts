import { type ConsentChannel, type ConsentEntry, consentChannels, wholeChannel } from './ConsentEntry.js';

/** What MS may do on one channel and topic now, and the log line that decided it. */
export interface ConsentState {
  channel: ConsentChannel;
  topic: string;
  granted: boolean;
  since: string;
  entryId: string;
}

/** Channels where an opt-out sticks ([Permissionsstruktur1]). */
const stickyChannels: ReadonlySet<ConsentChannel> = new Set(['phone', 'sms']);

/**
 * [Permission][Permissionsstruktur1] The consents in force, derived from the whole log: per channel
 * and topic the latest entry wins, and an entry for the whole channel ("all") counts for each of its
 * topics. A withdrawn phone or SMS consent sticks: a later grant (a petition signature, a form) does
 * not bring it back; only a staff entry noting the person's own request does.
 */
export function currentConsents(entries: ConsentEntry[]): ConsentState[] {
  const states: ConsentState[] = [];
  for (const channel of consentChannels) {
    const effective = effectiveEntries(inLogOrder(entries.filter((entry) => entry.channel === channel)));
    const topics = [...new Set(effective.map((entry) => entry.topic))].sort();
    for (const topic of topics) {
      const decisive = effective.filter((entry) => entry.topic === topic || entry.topic === wholeChannel).at(-1)!;
      states.push({ channel, topic, granted: decisive.action === 'granted', since: decisive.at, entryId: decisive.id });
    }
  }
  return states;
}

/** Whether MS may use the channel for the topic now; no entry at all means no consent. */
export function mayContact(entries: ConsentEntry[], channel: ConsentChannel, topic: string = wholeChannel): boolean {
  const states = currentConsents(entries).filter((state) => state.channel === channel);
  const state = states.find((candidate) => candidate.topic === topic) ?? states.find((candidate) => candidate.topic === wholeChannel);
  return state?.granted ?? false;
}

/** The entries that count, in order: on a sticky channel, grants after an opt-out count only when the person asked staff. */
function effectiveEntries(ordered: ConsentEntry[]): ConsentEntry[] {
  let optedOut = false;
  return ordered.filter((entry) => {
    if (!stickyChannels.has(entry.channel)) return true;
    if (entry.action === 'withdrawn') {
      optedOut = true;
      return true;
    }
    if (!optedOut) return true;
    const restoresOptOut = isPersonsOwnRequest(entry);
    if (restoresOptOut) optedOut = false;
    return restoresOptOut;
  });
}

export function isPersonsOwnRequest(entry: Pick<ConsentEntry, 'source' | 'personsRequest'>): boolean {
  return entry.source.kind === 'staff' && (entry.personsRequest?.trim() ?? '') !== '';
}

function inLogOrder(entries: ConsentEntry[]): ConsentEntry[] {
  return [...entries].sort((a, b) => a.at.localeCompare(b.at) || a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id));
}

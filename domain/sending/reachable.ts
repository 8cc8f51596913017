import type { Person } from '../person/Person.js';
import { type FilteredSegment, type SegmentPorts, filterSegment } from '../segments/filterSegment.js';
import { consentChannelOf } from './recipientAddress.js';
import { isServiceSend, type Send } from './Send.js';

/**
 * Who of the persons a send may reach now. A marketing send goes through the one filter (consent,
 * stop list, team limits). A service send leaves out only those who are gone (merged, anonymised)
 * or asked not to be contacted at all.
 */
export async function reachable(persons: Person[], send: Pick<Send, 'audience' | 'team' | 'channel' | 'topic'>, ports: SegmentPorts): Promise<FilteredSegment> {
  if (!isServiceSend(send)) return filterSegment(persons, { teams: [send.team], channel: consentChannelOf(send.channel), ...(send.topic && { topic: send.topic }) }, ports);
  const excluded: FilteredSegment['excluded'] = [];
  const kept: Person[] = [];
  for (const person of persons) {
    const reasons = [...(person.mergedInto ? ['merged-away' as const] : []), ...(person.anonymisation ? ['anonymised' as const] : []), ...(person.doNotContact ? ['do-not-contact' as const] : [])];
    if (reasons.length > 0) excluded.push({ personId: person.id, reasons });
    else kept.push(person);
  }
  return { kept, excluded };
}

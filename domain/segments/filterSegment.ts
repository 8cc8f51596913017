import type { ConsentChannel, ConsentEntry } from '../consent/ConsentEntry.js';
import { wholeChannel } from '../consent/ConsentEntry.js';
import { mayContact } from '../consent/currentConsents.js';
import type { ConsentLog, TeamLimitStore } from '../consent/ports.js';
import { currentTeamLimits } from '../consent/teamLimits.js';
import type { Person } from '../person/Person.js';
import { excludeStopListed } from '../stoplist/excludeStopListed.js';
import { stopListPurposeOfChannel } from '../stoplist/forbids.js';
import type { StopList } from '../stoplist/ports.js';

/** Who asks for the segment, and what it is for. */
export interface SegmentPurpose {
  /** The teams the segment is for (a caller's teams come from their token); every team's limit applies. */
  teams: string[];
  channel: ConsentChannel;
  /** A consent topic, or the whole channel when left out. */
  topic?: string;
}

export type ExclusionReason = 'merged-away' | 'anonymised' | 'do-not-contact' | 'team-limit' | 'stop-list' | 'no-consent';

export interface FilteredSegment {
  kept: Person[];
  excluded: { personId: string; reasons: ExclusionReason[] }[];
}

export interface SegmentPorts {
  teamLimits: TeamLimitStore;
  stopList: StopList;
  consentLog: ConsentLog;
}


/**
 * [Permissionsstruktur1][StopList][Permission] What every segment and send the engine produces goes
 * through: leaves out anonymised people and those marked "do not contact" ([CARE-Anon]), people
 * the requesting team may not target, people on the stop list, and people without consent for the
 * channel (and topic); says why for each.
 */
export async function filterSegment(
  persons: Person[],
  purpose: SegmentPurpose,
  ports: SegmentPorts,
  /** The persons' consent logs when the caller read them in bulk already; else each is read. */
  consentLogs?: ReadonlyMap<string, ConsentEntry[]>,
): Promise<FilteredSegment> {
  const reasons = new Map<string, ExclusionReason[]>(persons.map((person) => [person.id, []]));
  const exclude = (personId: string, reason: ExclusionReason) => reasons.get(personId)!.push(reason);
  const limits = (await currentTeamLimits(ports)).teams.filter((team) => purpose.teams.includes(team.team));
  for (const person of persons) {
    if (person.mergedInto) exclude(person.id, 'merged-away');
    if (person.anonymisation) exclude(person.id, 'anonymised');
    if (person.doNotContact) exclude(person.id, 'do-not-contact');
    if (limits.some((limit) => limit.excludedSupporterKinds.includes(person.supporterKind ?? 'none'))) exclude(person.id, 'team-limit');
  }
  const stopListPurpose = stopListPurposeOfChannel(purpose.channel);
  if (stopListPurpose) {
    const contactOf = (person: Person) => ({ phones: [person.phones.primary, person.phones.secondary].filter((phone): phone is string => !!phone), emails: person.emails });
    const { excluded: stopListed } = await excludeStopListed(persons, contactOf, stopListPurpose, ports);
    for (const { item } of stopListed) exclude(item.id, 'stop-list');
  }
  for (const person of persons) {
    const log = consentLogs?.get(person.id) ?? (await ports.consentLog.entriesOf(person.id));
    if (!mayContact(log, purpose.channel, purpose.topic ?? wholeChannel)) exclude(person.id, 'no-consent');
  }
  return {
    kept: persons.filter((person) => reasons.get(person.id)!.length === 0),
    excluded: [...reasons].filter(([, why]) => why.length > 0).map(([personId, why]) => ({ personId, reasons: why })),
  };
}

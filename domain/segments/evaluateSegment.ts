import type { ConsentEntry } from '../consent/ConsentEntry.js';
import { wholeChannel } from '../consent/ConsentEntry.js';
import { mayContact } from '../consent/currentConsents.js';
import type { Person } from '../person/Person.js';
import type { Clock } from '../shared/Clock.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import { type ExclusionReason, type SegmentPorts, type SegmentPurpose, filterSegment } from './filterSegment.js';
import { matchesCriteria } from './matchesCriteria.js';
import type { SegmentCriteria, SegmentFacts } from './SegmentDefinition.js';
import type { SegmentFactRows, SegmentSources } from './ports.js';

export interface SegmentPage {
  /** People who meet the criteria and pass the filter. */
  kept: Person[];
  /** People who meet the criteria but the filter left out, and why. */
  excluded: { personId: string; reasons: ExclusionReason[] }[];
}

export interface EvaluationPorts extends SegmentPorts {
  segmentSources: SegmentSources;
  /** Says which day it is, for criteria counted back from today. */
  clock: Clock;
}

export const evaluationPageSize = 500;

/**
 * [CampaignAutomation1][Permissionsstruktur1] A segment's people, streamed a page at a time: each
 * page of persons is read with its facts (one query per store), matched against the criteria, and
 * sent through the one filter for the purpose (team limit, stop list, consent). Memory stays that of
 * one page, however large the segment.
 */
export async function* evaluateSegment(criteria: SegmentCriteria, purpose: SegmentPurpose, ports: EvaluationPorts): AsyncIterable<SegmentPage> {
  const municipalityOf = criteria.municipalities ? await ports.segmentSources.municipalities() : new Map<string, string>();
  for await (const persons of ports.segmentSources.persons(evaluationPageSize)) {
    const rows = await ports.segmentSources.factsOf(persons.map((person) => person.id));
    const facts = factsByPerson(persons, rows, copenhagenDateOf(ports.clock.now()));
    const matching = persons.filter((person) => matchesCriteria(person, facts.get(person.id)!, criteria, municipalityOf));
    if (matching.length === 0) continue;
    const consentLogs = new Map(matching.map((person) => [person.id, facts.get(person.id)!.consentLog]));
    yield await filterSegment(matching, purpose, ports, consentLogs);
  }
}

function factsByPerson(persons: Person[], rows: SegmentFactRows, today: string): Map<string, SegmentFacts & { consentLog: ConsentEntry[] }> {
  const facts = new Map(persons.map((person) => [person.id, { signatures: [] as SegmentFacts['signatures'], dunningGroups: [] as SegmentFacts['dunningGroups'], consentLog: [] as ConsentEntry[], lastDonation: undefined as SegmentFacts['lastDonation'], leads: [] as SegmentFacts['leads'], today }]));
  const active = new Set(rows.activeCallCampaigns);
  for (const { personId, ...lead } of rows.leads) facts.get(personId)?.leads.push({ ...lead, campaignActive: active.has(lead.campaignId) });
  for (const { personId, ...signature } of rows.signatures) facts.get(personId)?.signatures.push(signature);
  for (const { personId, group } of rows.dunningGroups) facts.get(personId)?.dunningGroups.push(group);
  for (const entry of rows.consentEntries) facts.get(entry.personId)?.consentLog.push(entry);
  for (const { personId, paymentDate, amountOre } of rows.donations) {
    const known = facts.get(personId);
    if (known && (!known.lastDonation || paymentDate > known.lastDonation.paymentDate)) known.lastDonation = { paymentDate, amountOre };
  }
  return new Map(
    [...facts].map(([personId, fact]) => [personId, { ...fact, consentGranted: (channel, topic) => mayContact(fact.consentLog, channel, topic ?? wholeChannel) }]),
  );
}

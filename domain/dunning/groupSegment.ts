import type { JobRuns } from '../jobs/ports.js';
import type { Person } from '../person/Person.js';
import type { PersonRepository } from '../person/ports.js';
import { type SegmentPorts, filterSegment } from '../segments/filterSegment.js';
import type { ConsentChannel } from '../consent/ConsentEntry.js';
import { excludeStopListed } from '../stoplist/excludeStopListed.js';
import { stopListPurposeOfChannel } from '../stoplist/forbids.js';
import { NotFoundError } from '../shared/errors.js';
import { dunningGroupsJobName } from './dunningGroupsJob.js';
import type { SegmentMembers } from './ports.js';
import type { DunningGroup, SegmentMember } from './SegmentMember.js';

export interface GroupSegmentRequest {
  group: DunningGroup;
  /** `tm`: the hand-over to telemarketing, which also needs phone consent. */
  handover?: 'tm';
  /** How the group will be reached (default email): the stop list keeps people from SMS and calls only. */
  channel?: ConsentChannel;
  pageSize: number;
  continuationToken?: string;
  cancelledFrom?: string;
  cancelledTo?: string;
}

export interface GroupSegmentPage {
  runId: string;
  forDate: string;
  members: SegmentMember[];
  excluded: { personId: string; reasons: string[] }[];
  continuationToken?: string;
}

export interface GroupSegmentPorts extends SegmentPorts {
  jobRuns: JobRuns;
  segmentMembers: SegmentMembers;
  persons: Pick<PersonRepository, 'get'>;
}

/**
 * [CampaignAutomation6][CampaignAutomation3][StopList] A page of a group's members from the last
 * completed daily run, with the reasons they are in it. [StopList] People the stop list keeps from
 * the channel (SMS or calls) are left out; a mail or letter is not the stop file's business. The TM
 * hand-over also leaves out people without phone consent.
 */
export async function groupSegment(request: GroupSegmentRequest, ports: GroupSegmentPorts): Promise<GroupSegmentPage> {
  const run = (await ports.jobRuns.recent(20, dunningGroupsJobName)).find((candidate) => candidate.status === 'completed');
  if (!run) throw new NotFoundError('the daily groups have not been computed yet: start a run with POST /admin/jobs/dunning-groups/run');
  const { group, handover, channel, ...page } = request;
  const { items, continuationToken } = await ports.segmentMembers.page(run.id, group, page);
  const found = await Promise.all(items.map(async (member) => ({ member, person: (await ports.persons.get(member.personId))?.value })));
  const known = found.filter((entry): entry is { member: SegmentMember; person: Person } => entry.person !== undefined);
  const excluded = await exclusions(known.map((entry) => entry.person), handover ? 'tm' : (channel ?? 'email'), ports);
  const excludedIds = new Set(excluded.map((entry) => entry.personId));
  for (const { member } of found.filter((entry) => !entry.person)) excluded.push({ personId: member.personId, reasons: ['unknown-person'] });
  return {
    runId: run.id,
    forDate: run.forDate,
    members: known.map((entry) => entry.member).filter((member) => !excludedIds.has(member.personId)),
    excluded,
    ...(continuationToken && { continuationToken }),
  };
}

async function exclusions(persons: Person[], reach: 'tm' | ConsentChannel, ports: GroupSegmentPorts): Promise<{ personId: string; reasons: string[] }[]> {
  if (reach === 'tm') return (await filterSegment(persons, { teams: ['telemarketing'], channel: 'phone' }, ports)).excluded;
  const purpose = stopListPurposeOfChannel(reach);
  if (!purpose) return [];
  const contactOf = (person: Person) => ({ phones: [person.phones.primary, person.phones.secondary].filter((phone): phone is string => !!phone), emails: person.emails });
  const { excluded } = await excludeStopListed(persons, contactOf, purpose, ports);
  return excluded.map(({ item }) => ({ personId: item.id, reasons: ['stop-list'] }));
}

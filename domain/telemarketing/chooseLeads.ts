import type { ConsentLog, TeamLimitStore } from '../consent/ports.js';
import type { Person } from '../person/Person.js';
import type { PersonRepository } from '../person/ports.js';
import { type ExclusionReason, filterSegment } from '../segments/filterSegment.js';
import type { Signature } from '../signatures/Signature.js';
import type { StopList } from '../stoplist/ports.js';
import type { Ids } from '../shared/Ids.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import type { CallCampaign } from './CallCampaign.js';
import { type LeadExclusion, leadExclusions } from './leadExclusions.js';
import type { CallCampaigns, TelemarketingLeads } from './ports.js';
import type { LeadChannel, LeadSource, TelemarketingLead } from './TelemarketingLead.js';

/** How many persons were left out, per reason (a person left out for two reasons counts under both). */
export type LeadExclusionCounts = Partial<Record<LeadExclusion | ExclusionReason, number>>;

export interface ChooseLeadsPorts {
  persons: Pick<PersonRepository, 'get'>;
  leads: TelemarketingLeads;
  campaigns: CallCampaigns;
  consentLog: ConsentLog;
  stopList: StopList;
  teamLimits: TeamLimitStore;
  ids: Ids;
}

/** One person who may become a lead, with what their lead is about. */
export interface LeadCandidateInput {
  person: Person;
  /** The signature that made them a lead (files from petitions). */
  source?: LeadSource;
  /** The OF agreement the call is about (upgrade, winback). */
  ofAgreementId?: string;
}

/** The hand-over the leads are chosen for. */
export interface HandOver {
  fileId: string;
  vendor: string;
  channel: LeadChannel;
  /** Instant (UTC) of the hand-over. */
  at: string;
}

/** How many times a merge chain is followed before giving up on it. */
const mergeHops = 5;

/** A lead's id: one per hand-over and person, however often the hand-over is prepared. */
export function leadIdOf(fileId: string, personId: string, ids: Ids): string {
  return ids.fromKey(`tm-lead:${fileId}:${personId}`);
}

/**
 * [Leadflow][StopList][Dialer3] Turns candidates into the campaign's leads for one hand-over, through the one segment filter for
 * calls (consent, stop list, anonymised, do-not-contact, the team's limits) and the TM rules (a
 * working number, not handed over within the window, not open in a campaign of higher priority).
 * Safe to repeat: a lead this hand-over already made is kept, and no lead is made twice.
 */
export async function chooseLeads(
  campaign: CallCampaign,
  candidates: LeadCandidateInput[],
  handOver: HandOver,
  ports: ChooseLeadsPorts,
  /** `through-the-filter`: the candidates are a segment page the one filter for calls by the campaign's team kept already. */
  already?: 'through-the-filter',
): Promise<{ leads: TelemarketingLead[]; excluded: LeadExclusionCounts }> {
  const persons = candidates.map((candidate) => candidate.person);
  const segmentReasons = already === 'through-the-filter' ? new Map<string, ExclusionReason[]>() : await segmentReasonsOf(persons, campaign, ports);
  const earlierLeads = groupByPerson(await ports.leads.ofPersons(persons.map((person) => person.id)));
  const campaigns = new Map((await ports.campaigns.list()).map((known) => [known.id, known]));
  const excluded: LeadExclusionCounts = {};
  const leads: TelemarketingLead[] = [];
  const newLeads: TelemarketingLead[] = [];
  const today = copenhagenDateOf(new Date(handOver.at));
  for (const candidate of candidates) {
    const { person } = candidate;
    const leadsOfPerson = earlierLeads.get(person.id) ?? [];
    // A repeat of this hand-over keeps the lead it made, while that lead is open.
    const ofThisHandOver = leadsOfPerson.find((lead) => lead.fileId === handOver.fileId && lead.status === 'open');
    if (ofThisHandOver) {
      leads.push(ofThisHandOver);
      continue;
    }
    const reasons = reasonsToLeaveOut(person, segmentReasons.get(person.id) ?? [], leadsOfPerson, campaign, campaigns, today);
    for (const reason of reasons) excluded[reason] = (excluded[reason] ?? 0) + 1;
    if (reasons.length === 0) newLeads.push(newLead(campaign, candidate, handOver, ports.ids));
  }
  await ports.leads.createMany(newLeads);
  return { leads: [...leads, ...newLeads], excluded };
}

async function segmentReasonsOf(persons: Person[], campaign: CallCampaign, ports: ChooseLeadsPorts): Promise<Map<string, ExclusionReason[]>> {
  const filtered = await filterSegment(persons, { teams: [campaign.team], channel: 'phone' }, ports);
  return new Map(filtered.excluded.map((entry) => [entry.personId, entry.reasons]));
}

function reasonsToLeaveOut(
  person: Person,
  segmentReasons: ExclusionReason[],
  leadsOfPerson: TelemarketingLead[],
  campaign: CallCampaign,
  campaigns: ReadonlyMap<string, CallCampaign>,
  today: string,
): (LeadExclusion | ExclusionReason)[] {
  const beyondTmRules = segmentReasons.filter((reason) => reason !== 'no-consent' && reason !== 'stop-list');
  const candidate = {
    phoneConsent: !segmentReasons.includes('no-consent'),
    phoneOk: person.phones.primary !== undefined && person.invalid?.phone?.value !== person.phones.primary,
    stopListedForTelemarketing: segmentReasons.includes('stop-list'),
    leads: leadsOfPerson,
  };
  return [...beyondTmRules, ...leadExclusions(candidate, campaign, campaigns, today)];
}

function newLead(campaign: CallCampaign, candidate: LeadCandidateInput, handOver: HandOver, ids: Ids): TelemarketingLead {
  const dialer = campaign.dialer && handOver.channel === 'dialer-api'
    ? { ...(candidate.ofAgreementId && { ofAgreementId: candidate.ofAgreementId }), ...(campaign.dialer.onboardingCampaignId && { ofCampaignId: campaign.dialer.onboardingCampaignId }) }
    : undefined;
  return {
    id: leadIdOf(handOver.fileId, candidate.person.id, ids),
    personId: candidate.person.id,
    campaignId: campaign.id,
    vendor: handOver.vendor,
    channel: handOver.channel,
    fileId: handOver.fileId,
    ...(candidate.source && { source: candidate.source }),
    handedOverAt: handOver.at,
    status: 'open',
    ...(dialer && { dialer }),
  };
}

/** Each signer once (a merged-away signer as the person they were merged into), with their newest signature as the lead's source. */
export async function candidatesFromSignatures(signatures: Signature[], ports: Pick<ChooseLeadsPorts, 'persons'>): Promise<LeadCandidateInput[]> {
  const newestFirst = [...signatures].sort((a, b) => b.signedAt.localeCompare(a.signedAt));
  const candidates = new Map<string, LeadCandidateInput>();
  const resolved = new Map<string, Person | null>();
  for (const signature of newestFirst) {
    if (!resolved.has(signature.personId)) resolved.set(signature.personId, await survivorOf(signature.personId, ports));
    const person = resolved.get(signature.personId);
    if (person && !candidates.has(person.id)) candidates.set(person.id, { person, source: sourceOf(signature) });
  }
  return [...candidates.values()];
}

function sourceOf(signature: Signature): LeadSource {
  return { petitionId: signature.petitionId, signatureId: signature.id, signedAt: signature.signedAt, ...(signature.campaignCode && { campaignCode: signature.campaignCode }) };
}

async function survivorOf(personId: string, ports: Pick<ChooseLeadsPorts, 'persons'>): Promise<Person | null> {
  let person = (await ports.persons.get(personId))?.value ?? null;
  for (let hop = 0; person?.mergedInto && hop < mergeHops; hop++) person = (await ports.persons.get(person.mergedInto))?.value ?? null;
  return person;
}

function groupByPerson(leads: TelemarketingLead[]): Map<string, TelemarketingLead[]> {
  const grouped = new Map<string, TelemarketingLead[]>();
  for (const lead of leads) grouped.set(lead.personId, [...(grouped.get(lead.personId) ?? []), lead]);
  return grouped;
}

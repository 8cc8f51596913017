import type { PaymentLedger } from '../bookkeeping/ports.js';
import type { AgreementStates } from '../dunning/ports.js';
import type { Job } from '../jobs/JobRun.js';
import type { Person } from '../person/Person.js';
import { engineActor } from '../shared/Actor.js';
import { addMonths } from '../shared/businessDates.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import type { AnonymisationCandidate, AnonymisationCandidates } from './AnonymisationCandidate.js';
import { type AnonymisationRuleStore, type AnonymisationRules, currentAnonymisationRules } from './AnonymisationRules.js';
import { type EngagementSummary, summariseEngagement } from './engagementSummary.js';
import type { EngagementSources } from './ports.js';
import { type ScheduleVerdict, scheduleVerdict, silentForDoNotContact } from './scheduleVerdict.js';
import { type StartAnonymisationPorts, startAnonymisation } from './startAnonymisation.js';

export interface AnonymisationSchedulePorts extends StartAnonymisationPorts {
  ledger: PaymentLedger;
  agreementStates: AgreementStates;
  engagementSources: EngagementSources;
  candidates: AnonymisationCandidates;
  anonymisationRules: AnonymisationRuleStore;
}

export const anonymisationScheduleJobName = 'anonymisation-schedule';
const pageSize = 1_000;

type Counts = Record<'persons' | 'doNotContact' | 'contactableAgain' | 'found' | 'withdrawn' | 'anonymised', number>;

interface Night {
  rules: AnonymisationRules;
  today: string;
  engagement: Map<string, EngagementSummary>;
  candidates: Map<string, AnonymisationCandidate>;
  counts: Counts;
}

/**
 * [CARE-Anon] Nightly, by the rules in force: marks people silent for the first period "do not
 * contact" (and lifts it when they engage again), gives people silent for the second period a
 * candidate with a date one month ahead, withdraws candidates the rules no longer find, and on the
 * date anonymises those still eligible (staff's include and exclude win over the rules). Everyone's
 * engagement is read in bulk first; only people silent long enough are looked at one by one. Safe to
 * run twice a day: each step looks at what is stored first.
 */
export function anonymisationScheduleJob(ports: AnonymisationSchedulePorts): Job {
  return {
    name: anonymisationScheduleJobName,
    description: 'Scheduled anonymisation: "do not contact" after the first period of silence, candidates after the second, anonymised a month later',
    async run(context) {
      const rules = await currentAnonymisationRules(ports);
      const counts: Counts = { persons: 0, doNotContact: 0, contactableAgain: 0, found: 0, withdrawn: 0, anonymised: 0 };
      if (!rules.enabled) return counts;
      const night: Night = { rules, today: copenhagenDateOf(ports.clock.now()), engagement: await summariseEngagement(ports), candidates: await openCandidates(ports), counts };
      let continuationToken: string | undefined;
      do {
        const page = await ports.persons.listAll({ pageSize, ...(continuationToken && { continuationToken }) });
        for (const person of page.items.filter((each) => !each.anonymisation && !each.mergedInto)) await reviewPerson(person, night, ports);
        counts.persons += page.items.length;
        await context.progress(counts.persons, 'persons');
        continuationToken = page.continuationToken;
      } while (continuationToken);
      return counts;
    },
  };
}

async function reviewPerson(person: Person, night: Night, ports: AnonymisationSchedulePorts): Promise<void> {
  const engagement = night.engagement.get(person.id) ?? {};
  const candidate = night.candidates.get(person.id);
  // Most people are not silent long enough for anything: no reads for them.
  if (!silentForDoNotContact(person, engagement, night.rules, night.today) && !person.doNotContact && !candidate) return;
  const verdict = scheduleVerdict(person, engagement, await exclusionFactsOf(person.id, ports), night.rules, night.today);
  await markDoNotContact(person, verdict.doNotContact, night, ports);
  await advanceCandidate(person, candidate, verdict, engagement, night, ports);
}

async function advanceCandidate(person: Person, candidate: AnonymisationCandidate | undefined, verdict: ScheduleVerdict, engagement: EngagementSummary, night: Night, ports: AnonymisationSchedulePorts): Promise<void> {
  const now = ports.clock.now().toISOString();
  const etag = async () => (await ports.candidates.get(person.id))?.etag;
  if (verdict.candidate && (!candidate || candidate.status === 'withdrawn')) {
    await ports.candidates.save({ id: person.id, status: 'scheduled', foundOn: night.today, anonymiseOn: addMonths(night.today, 1), silentSince: verdict.silentSince, updatedAt: now }, await etag());
    night.counts.found++;
    return;
  }
  if (!candidate) return;
  if (candidate.status === 'scheduled' && !verdict.candidate) {
    const because = verdict.excludedBy.length > 0 ? verdict.excludedBy.join(', ') : `engaged on ${verdict.silentSince}`;
    await ports.candidates.save({ ...candidate, status: 'withdrawn', withdrawnBecause: because, updatedAt: now }, await etag());
    night.counts.withdrawn++;
    return;
  }
  if (isDue(candidate, night.today) && stillSilent(candidate, engagement)) {
    const request = { reason: 'no-longer-needed' as const, note: `scheduled: silent since ${verdict.silentSince}`, requestedOn: night.today, stopList: 'leave' as const };
    await startAnonymisation(person.id, request, { actor: engineActor(anonymisationScheduleJobName) }, ports);
    await ports.candidates.save({ ...candidate, status: 'anonymised', updatedAt: now }, await etag());
    night.counts.anonymised++;
  }
}

function isDue(candidate: AnonymisationCandidate, today: string): boolean {
  return (candidate.status === 'scheduled' || candidate.status === 'included') && candidate.anonymiseOn <= today;
}

/** No engagement since the candidate was found (an included person's exclusions do not matter, their own acts do). */
function stillSilent(candidate: AnonymisationCandidate, engagement: EngagementSummary): boolean {
  return engagement.lastEngagement === undefined || engagement.lastEngagement < candidate.foundOn;
}

async function markDoNotContact(person: Person, silentEnough: boolean, night: Night, ports: AnonymisationSchedulePorts): Promise<void> {
  if (silentEnough === (person.doNotContact !== undefined)) return;
  const stored = await ports.persons.get(person.id);
  if (!stored || stored.value.anonymisation) return;
  const { doNotContact: _lifted, ...rest } = stored.value;
  const updated: Person = silentEnough ? { ...stored.value, doNotContact: { since: night.today, reason: 'no-engagement' } } : rest;
  // A person changed meanwhile (they engaged, perhaps) is looked at again tomorrow.
  if ((await ports.persons.replace({ ...updated, updatedAt: ports.clock.now().toISOString() }, stored.etag)) === 'replaced') {
    if (silentEnough) night.counts.doNotContact++;
    else night.counts.contactableAgain++;
  }
}

async function exclusionFactsOf(personId: string, ports: AnonymisationSchedulePorts) {
  const [payments, agreements] = await Promise.all([ports.ledger.allOfPerson(personId), ports.agreementStates.allOfPerson(personId)]);
  return { payments: payments.map((payment) => payment.value), agreements: agreements.map((agreement) => agreement.value) };
}

/** Every candidate not yet anonymised, by person. */
async function openCandidates(ports: AnonymisationSchedulePorts): Promise<Map<string, AnonymisationCandidate>> {
  const open = new Map<string, AnonymisationCandidate>();
  let continuationToken: string | undefined;
  do {
    const page = await ports.candidates.list({ pageSize, ...(continuationToken && { continuationToken }) });
    for (const candidate of page.items) if (candidate.status !== 'anonymised') open.set(candidate.id, candidate);
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return open;
}

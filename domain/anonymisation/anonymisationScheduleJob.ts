import type { AgreementStates } from '../dunning/ports.js';
import type { Job } from '../jobs/JobRun.js';
import type { Person } from '../person/Person.js';
import { engineActor } from '../shared/Actor.js';
import { addMonths } from '../shared/businessDates.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import { lastEngagement } from './engagement.js';
import type { AnonymisationCandidate, AnonymisationCandidates } from './AnonymisationCandidate.js';
import { type AnonymisationRuleStore, type AnonymisationRules, currentAnonymisationRules } from './AnonymisationRules.js';
import { type EngagementPorts, engagementFactsOf } from './engagementFactsOf.js';
import { type ScheduleFacts, scheduleVerdict } from './scheduleVerdict.js';
import { type StartAnonymisationPorts, startAnonymisation } from './startAnonymisation.js';

export interface AnonymisationSchedulePorts extends EngagementPorts, StartAnonymisationPorts {
  agreementStates: AgreementStates;
  candidates: AnonymisationCandidates;
  anonymisationRules: AnonymisationRuleStore;
}

export const anonymisationScheduleJobName = 'anonymisation-schedule';
const pageSize = 200;

type Counts = Record<'persons' | 'doNotContact' | 'contactableAgain' | 'found' | 'withdrawn' | 'anonymised', number>;

/**
 * [CARE-Anon] Nightly, by the rules in force: marks people silent for the first period "do not
 * contact" (and lifts it when they engage again), gives people silent for the second period a
 * candidate with a date one month ahead, withdraws candidates the rules no longer find, and on the
 * date anonymises those still eligible (staff's include and exclude win over the rules). Safe to run
 * twice a day: each step looks at what is stored first.
 */
export function anonymisationScheduleJob(ports: AnonymisationSchedulePorts): Job {
  return {
    name: anonymisationScheduleJobName,
    description: 'Scheduled anonymisation: "do not contact" after the first period of silence, candidates after the second, anonymised a month later',
    async run(context) {
      const rules = await currentAnonymisationRules(ports);
      const counts: Counts = { persons: 0, doNotContact: 0, contactableAgain: 0, found: 0, withdrawn: 0, anonymised: 0 };
      if (!rules.enabled) return counts;
      const today = copenhagenDateOf(ports.clock.now());
      let continuationToken: string | undefined;
      do {
        const page = await ports.persons.listAll({ pageSize, ...(continuationToken && { continuationToken }) });
        for (const person of page.items.filter((each) => !each.anonymisation && !each.mergedInto)) await reviewPerson(person, rules, today, counts, ports);
        counts.persons += page.items.length;
        await context.progress(counts.persons, 'persons');
        continuationToken = page.continuationToken;
      } while (continuationToken);
      return counts;
    },
  };
}

async function reviewPerson(person: Person, rules: AnonymisationRules, today: string, counts: Counts, ports: AnonymisationSchedulePorts): Promise<void> {
  const facts = await scheduleFactsOf(person, ports);
  const verdict = scheduleVerdict(person, facts, rules, today);
  await markDoNotContact(person, verdict.doNotContact, today, counts, ports);
  const stored = await ports.candidates.get(person.id);
  let candidate = stored?.value;
  const now = ports.clock.now().toISOString();
  if (verdict.candidate && (!candidate || candidate.status === 'withdrawn')) {
    candidate = { id: person.id, status: 'scheduled', foundOn: today, anonymiseOn: addMonths(today, 1), silentSince: verdict.silentSince, updatedAt: now };
    await ports.candidates.save(candidate, stored?.etag);
    counts.found++;
    return;
  }
  if (!candidate) return;
  if (candidate.status === 'scheduled' && !verdict.candidate) {
    const because = verdict.excludedBy.length > 0 ? verdict.excludedBy.join(', ') : `engaged on ${verdict.silentSince}`;
    await ports.candidates.save({ ...candidate, status: 'withdrawn', withdrawnBecause: because, updatedAt: now }, stored?.etag);
    counts.withdrawn++;
    return;
  }
  if (isDue(candidate, today) && stillSilent(candidate, facts)) {
    await startAnonymisation(person.id, { reason: 'no-longer-needed', note: `scheduled: silent since ${verdict.silentSince}`, requestedOn: today, stopList: 'leave' }, { actor: engineActor(anonymisationScheduleJobName) }, ports);
    await ports.candidates.save({ ...candidate, status: 'anonymised', updatedAt: now }, stored?.etag);
    counts.anonymised++;
  }
}

function isDue(candidate: AnonymisationCandidate, today: string): boolean {
  return (candidate.status === 'scheduled' || candidate.status === 'included') && candidate.anonymiseOn <= today;
}

/** No engagement since the candidate was found (an included person's exclusions do not matter, their own acts do). */
function stillSilent(candidate: AnonymisationCandidate, facts: ScheduleFacts): boolean {
  const last = lastEngagement(facts)?.on;
  return last === undefined || last < candidate.foundOn;
}

async function markDoNotContact(person: Person, silentEnough: boolean, today: string, counts: Counts, ports: AnonymisationSchedulePorts): Promise<void> {
  if (silentEnough === (person.doNotContact !== undefined)) return;
  const stored = await ports.persons.get(person.id);
  if (!stored || stored.value.anonymisation) return;
  const { doNotContact: _lifted, ...rest } = stored.value;
  const updated: Person = silentEnough ? { ...stored.value, doNotContact: { since: today, reason: 'no-engagement' } } : rest;
  // A person changed meanwhile (they engaged, perhaps) is looked at again tomorrow.
  if ((await ports.persons.replace({ ...updated, updatedAt: ports.clock.now().toISOString() }, stored.etag)) === 'replaced') {
    if (silentEnough) counts.doNotContact++;
    else counts.contactableAgain++;
  }
}

async function scheduleFactsOf(person: Person, ports: AnonymisationSchedulePorts): Promise<ScheduleFacts> {
  const [engagement, agreements] = await Promise.all([engagementFactsOf(person, ports), ports.agreementStates.allOfPerson(person.id)]);
  return { ...engagement, agreements: agreements.map((agreement) => agreement.value) };
}

import type { RecordConsentPorts } from '../consent/recordConsentChanges.js';
import type { ParkedSource } from '../identity/DuplicateReview.js';
import { indexForResolution } from '../identity/indexForResolution.js';
import type { DuplicateReviewStore } from '../identity/ports.js';
import type { ResolvePorts } from '../identity/resolveIdentity.js';
import { type NewcomerPorts, settleConcurrentNewcomer } from '../identity/settleConcurrentNewcomer.js';
import { type Person, isAnonymised } from '../person/Person.js';
import type { CrmPersons, PersonRepository } from '../person/ports.js';
import { samePersonData } from '../person/samePersonData.js';
import { writeNewestToCrm } from '../person/writeNewestToCrm.js';
import type { Logger } from '../shared/Logger.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import { addToMarketingList } from '../marketing/addToMarketingList.js';
import type { MarketingLists } from '../marketing/ports.js';
import type { SignatureStore } from '../signatures/ports.js';
import { recordSignature } from '../signatures/recordSignature.js';
import type { DrupalForm } from './DrupalForm.js';
import type { FormSubmission } from './FormSubmission.js';
import type { FormSubmissionRecords } from './ports.js';
import { applyFormPolicy } from './applyFormPolicy.js';
import type { CprVault } from '../person/CprVault.js';
import { sealSubmissionCpr } from './sealSubmissionCpr.js';
import { grantFormConsents } from './grantFormConsents.js';
import { personForSubmission } from './personForSubmission.js';
import { contactAsTyped, personFromSubmission } from './personFromSubmission.js';

export interface FormSubmissionPorts extends ResolvePorts, NewcomerPorts, RecordConsentPorts {
  persons: PersonRepository;
  reviews: DuplicateReviewStore;
  signatures: SignatureStore;
  marketingLists: MarketingLists;
  formSubmissions: FormSubmissionRecords;
  crm: CrmPersons;
  cprVault: CprVault;
  logger: Logger;
}

/** Where a submission came from: a Drupal webform, or a row of an imported file (Playable). */
export interface SubmissionOrigin {
  kind: 'drupal-form' | 'playable-import';
  /** What waits for a reviewer when the person is unclear. */
  parked: ParkedSource;
}

export type SubmissionOutcome = 'new-person' | 'existing-person' | 'parked' | 'withdrawn' | 'gone' | 'anonymised';

/**
 * [OnlineFundraising15][Leadflow] One path for every filled-in form: the person is found or created
 * through the resolver (the form's policy says what it may overwrite), the submission is kept linked
 * to the person and campaign, the consents its text grants
 * are logged, on a petition form the signature is recorded (a new lead when the person is new), and
 * the person joins the form's marketing list.
 */
export async function processFormSubmission(form: DrupalForm, submitted: FormSubmission, origin: SubmissionOrigin, ports: FormSubmissionPorts): Promise<SubmissionOutcome> {
  const previous = await ports.formSubmissions.get(origin.parked.id);
  if (previous && (await isAnonymisedPerson(previous.personId, ports))) {
    // [GDPR1] A replayed submission of an anonymised person recreates nothing (its record stays, emptied, to say so).
    ports.logger.info('form submission of an anonymised person; nothing taken from it', { formId: form.formId, personId: previous.personId });
    return 'anonymised';
  }
  const { submission, cpr, problem } = sealSubmissionCpr(form, submitted, ports.cprVault);
  if (problem) ports.logger.warn('form submission has a CPR field that is no CPR number; it was not stored', { formId: form.formId, field: form.cprField });
  const fromForm = personFromSubmission(submission, ports.ids.fromKey(`${origin.parked.kind}:${origin.parked.id}`), ports.clock.now());
  const incoming: Person = cpr ? { ...fromForm, cpr } : fromForm;
  const target = await personForSubmission(incoming, origin.parked, submission, ports);
  if (target.kind === 'parked') {
    ports.logger.info('form submission parked for a duplicate review', { formId: form.formId, reviewId: target.reviewId });
    return 'parked';
  }
  if (target.kind === 'existing' && (await isAnonymisedPerson(target.personId, ports))) {
    ports.logger.info('form submission of an anonymised person; nothing taken from it', { formId: form.formId, personId: target.personId });
    return 'anonymised';
  }
  const { person, newLead } = target.kind === 'new' ? await saveNewcomer(incoming, ports) : { person: await saveWithPolicy(target.personId, incoming, form, ports), newLead: false };
  await ports.formSubmissions.save({ ...submission, id: origin.parked.id, personId: person.id, source: origin.kind, ...(form.campaignCode && { campaignCode: form.campaignCode }), processedAt: ports.clock.now().toISOString() });
  await grantFormConsents(person.id, form, submission, origin.kind, ports);
  if (form.petitionId) await sign(form, submission, origin, person.id, newLead, ports);
  if (form.marketingList) await addToMarketingList({ list: form.marketingList, personId: person.id, source: { kind: origin.kind, id: origin.parked.id }, campaignCode: form.campaignCode }, ports);
  ports.logger.info('form submission processed', { formId: form.formId, source: origin.kind, personId: person.id, newLead });
  return newLead ? 'new-person' : 'existing-person';
}

async function saveNewcomer(incoming: Person, ports: FormSubmissionPorts): Promise<{ person: Person; newLead: boolean }> {
  const created = (await ports.persons.create(incoming)) === 'created';
  const person = created ? incoming : ((await ports.persons.get(incoming.id))?.value ?? incoming);
  await indexForResolution(person, ports);
  if (created) await settleConcurrentNewcomer(person, ports);
  await writeNewestToCrm(person, ports);
  return { person, newLead: created };
}

async function saveWithPolicy(personId: string, incoming: Person, form: DrupalForm, ports: FormSubmissionPorts): Promise<Person> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.persons.get(personId);
    if (!stored) throw new ConcurrencyConflictError(`person ${personId} disappeared while a form was applied`);
    const updated = applyFormPolicy(stored.value, incoming, form);
    if (samePersonData(updated, stored.value)) return stored.value;
    const saved = { ...updated, updatedAt: ports.clock.now().toISOString() };
    if ((await ports.persons.replace(saved, stored.etag)) === 'replaced') {
      await indexForResolution(saved, ports);
      await writeNewestToCrm(saved, ports);
      return saved;
    }
  }
  throw new ConcurrencyConflictError(`person ${personId} changed concurrently 5 times in a row`);
}

async function sign(form: DrupalForm, submission: FormSubmission, origin: SubmissionOrigin, personId: string, newLead: boolean, ports: FormSubmissionPorts): Promise<void> {
  await recordSignature(
    {
      petitionId: form.petitionId!,
      personId,
      sourceKind: origin.kind,
      sourceId: origin.parked.id,
      signedAt: new Date(submission.submittedAt),
      campaignCode: form.campaignCode,
      ...contactAsTyped(submission),
      newLead,
    },
    ports,
  );
}

async function isAnonymisedPerson(personId: string, ports: FormSubmissionPorts): Promise<boolean> {
  const stored = await ports.persons.get(personId);
  return stored !== null && isAnonymised(stored.value);
}

import type { RecordConsentPorts } from '../consent/recordConsentChanges.js';
import type { ParkedSource } from '../identity/DuplicateReview.js';
import { indexForResolution } from '../identity/indexForResolution.js';
import type { DuplicateReviewStore } from '../identity/ports.js';
import type { ResolvePorts } from '../identity/resolveIdentity.js';
import { type NewcomerPorts, settleConcurrentNewcomer } from '../identity/settleConcurrentNewcomer.js';
import type { Person } from '../person/Person.js';
import type { CrmPersons, PersonRepository } from '../person/ports.js';
import { writeNewestToCrm } from '../person/writeNewestToCrm.js';
import type { Logger } from '../shared/Logger.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import type { SignatureStore } from '../signatures/ports.js';
import { recordSignature, signatureIdFor } from '../signatures/recordSignature.js';
import { withdrawSignature } from '../signatures/withdrawSignature.js';
import type { DrupalForm } from './DrupalForm.js';
import type { DrupalNotification } from './DrupalNotification.js';
import type { DrupalSubmission, DrupalSubmissions } from './DrupalSubmission.js';
import { applyFormPolicy } from './applyFormPolicy.js';
import { drupalForm } from './drupalForms.js';
import { grantFormConsents } from './grantFormConsents.js';
import { personForSubmission } from './personForSubmission.js';
import { contactAsTyped, personFromSubmission } from './personFromSubmission.js';
import type { DrupalFormStore } from './ports.js';

export interface DrupalSubmissionPorts extends ResolvePorts, NewcomerPorts, RecordConsentPorts {
  drupal: DrupalSubmissions;
  drupalForms: DrupalFormStore;
  persons: PersonRepository;
  reviews: DuplicateReviewStore;
  signatures: SignatureStore;
  crm: CrmPersons;
  logger: Logger;
}

export type SubmissionOutcome = 'new-person' | 'existing-person' | 'parked' | 'withdrawn' | 'gone';

/**
 * [OnlineFundraising15][Leadflow] Does the work a Drupal notification stands for: reads the
 * submission from Drupal, finds or creates its person through the resolver (the form's policy says
 * what it may overwrite), logs the consents its text grants, and on a petition form records the
 * signature (a new lead when the person is new). A deleted submission withdraws its signature.
 */
export async function processDrupalSubmission(notification: DrupalNotification, ports: DrupalSubmissionPorts): Promise<SubmissionOutcome> {
  const form = await drupalForm(notification.formId, ports);
  const submission = notification.event === 'deleted' ? null : await ports.drupal.get(notification.formId, notification.submissionId);
  if (!submission) return withdrawn(form, notification, ports);
  const source: ParkedSource = { kind: 'drupal-submission', id: submissionKey(submission) };
  const incoming = personFromSubmission(submission, ports.ids.fromKey(`drupal-submission:${source.id}`), ports.clock.now());
  const target = await personForSubmission(incoming, source, ports);
  if (target.kind === 'parked') {
    ports.logger.info('Drupal submission parked for a duplicate review', { formId: form.formId, reviewId: target.reviewId });
    return 'parked';
  }
  const { person, newLead } = target.kind === 'new' ? await saveNewcomer(incoming, ports) : { person: await saveWithPolicy(target.personId, incoming, form, ports), newLead: false };
  await grantFormConsents(person.id, form, submission, ports);
  if (form.petitionId) await sign(form, submission, person.id, newLead, ports);
  ports.logger.info('Drupal submission processed', { formId: form.formId, personId: person.id, newLead });
  return newLead ? 'new-person' : 'existing-person';
}

async function saveNewcomer(incoming: Person, ports: DrupalSubmissionPorts): Promise<{ person: Person; newLead: boolean }> {
  const created = (await ports.persons.create(incoming)) === 'created';
  const person = created ? incoming : ((await ports.persons.get(incoming.id))?.value ?? incoming);
  await indexForResolution(person, ports);
  if (created) await settleConcurrentNewcomer(person, ports);
  await writeNewestToCrm(person, ports);
  return { person, newLead: created };
}

async function saveWithPolicy(personId: string, incoming: Person, form: DrupalForm, ports: DrupalSubmissionPorts): Promise<Person> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.persons.get(personId);
    if (!stored) throw new ConcurrencyConflictError(`person ${personId} disappeared while a form was applied`);
    const updated = applyFormPolicy(stored.value, incoming, form);
    if (JSON.stringify(updated) === JSON.stringify(stored.value)) return stored.value;
    const saved = { ...updated, updatedAt: ports.clock.now().toISOString() };
    if ((await ports.persons.replace(saved, stored.etag)) === 'replaced') {
      await indexForResolution(saved, ports);
      await writeNewestToCrm(saved, ports);
      return saved;
    }
  }
  throw new ConcurrencyConflictError(`person ${personId} changed concurrently 5 times in a row`);
}

async function sign(form: DrupalForm, submission: DrupalSubmission, personId: string, newLead: boolean, ports: DrupalSubmissionPorts): Promise<void> {
  await recordSignature(
    {
      petitionId: form.petitionId!,
      personId,
      sourceKind: 'drupal-form',
      sourceId: submissionKey(submission),
      signedAt: new Date(submission.submittedAt),
      campaignCode: form.campaignCode,
      ...contactAsTyped(submission),
      newLead,
    },
    ports,
  );
}

async function withdrawn(form: DrupalForm, notification: DrupalNotification, ports: DrupalSubmissionPorts): Promise<SubmissionOutcome> {
  if (!form.petitionId) return 'gone';
  const signatureId = signatureIdFor({ petitionId: form.petitionId, sourceKind: 'drupal-form', sourceId: submissionKey(notification) }, ports.ids);
  const done = await withdrawSignature(form.petitionId, signatureId, 'drupal', ports).then(
    () => true,
    () => false,
  );
  return done ? 'withdrawn' : 'gone';
}

/** A submission's key across the engine: the parked source, the signature's source event. */
function submissionKey(submission: { formId: string; submissionId: string }): string {
  return `${submission.formId}:${submission.submissionId}`;
}

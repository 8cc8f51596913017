import type { ParkedSource } from '../identity/DuplicateReview.js';
import { signatureIdFor } from '../signatures/recordSignature.js';
import { withdrawSignature } from '../signatures/withdrawSignature.js';
import type { DrupalForm } from './DrupalForm.js';
import type { DrupalNotification } from './DrupalNotification.js';
import type { DrupalSubmissions } from './DrupalSubmission.js';
import { drupalForm } from './drupalForms.js';
import { type FormSubmissionPorts, type SubmissionOutcome, processFormSubmission } from './processFormSubmission.js';
import type { DrupalFormStore } from './ports.js';

export interface DrupalSubmissionPorts extends FormSubmissionPorts {
  drupal: DrupalSubmissions;
  drupalForms: DrupalFormStore;
}

/**
 * [OnlineFundraising15] Does the work a Drupal notification stands for: reads the submission from
 * Drupal (the notification is only a hint) and takes it down the one path every form takes. A
 * submission deleted in Drupal withdraws its signature.
 */
export async function processDrupalSubmission(notification: DrupalNotification, ports: DrupalSubmissionPorts): Promise<SubmissionOutcome> {
  const form = await drupalForm(notification.formId, ports);
  const parked: ParkedSource = { kind: 'drupal-submission', id: `${notification.formId}:${notification.submissionId}` };
  const submission = notification.event === 'deleted' ? null : await ports.drupal.get(notification.formId, notification.submissionId);
  if (!submission) return withdrawn(form, parked, ports);
  return processFormSubmission(form, submission, { kind: 'drupal-form', parked }, ports);
}

async function withdrawn(form: DrupalForm, parked: ParkedSource, ports: DrupalSubmissionPorts): Promise<SubmissionOutcome> {
  if (!form.petitionId) return 'gone';
  const signatureId = signatureIdFor({ petitionId: form.petitionId, sourceKind: 'drupal-form', sourceId: parked.id }, ports.ids);
  const done = await withdrawSignature(form.petitionId, signatureId, 'drupal', ports).then(
    () => true,
    () => false,
  );
  return done ? 'withdrawn' : 'gone';
}

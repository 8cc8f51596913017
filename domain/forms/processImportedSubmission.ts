import type { FormSubmission } from './FormSubmission.js';
import { drupalForm } from './drupalForms.js';
import type { DrupalFormStore } from './ports.js';
import { type FormSubmissionPorts, type SubmissionOutcome, processFormSubmission } from './processFormSubmission.js';

/** [OnlineFundraising15][Leadflow] A queued row of an imported file takes the one path every form takes. */
export async function processImportedSubmission(submission: FormSubmission, ports: FormSubmissionPorts & { drupalForms: DrupalFormStore }): Promise<SubmissionOutcome> {
  const form = await drupalForm(submission.formId, ports);
  const parked = { kind: 'imported-submission' as const, id: `${submission.formId}:${submission.submissionId}` };
  return processFormSubmission(form, submission, { kind: 'playable-import', parked }, ports);
}

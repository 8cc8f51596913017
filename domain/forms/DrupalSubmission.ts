import type { FormSubmission } from './FormSubmission.js';

/** A webform submission as Drupal holds it, in the domain's words. */
export type DrupalSubmission = FormSubmission;

/** Port: reads submissions from Drupal (the state there is the truth). */
export interface DrupalSubmissions {
  /** Resolves null when Drupal does not know the submission. */
  get(formId: string, submissionId: string): Promise<DrupalSubmission | null>;
}

import type { FormSubmission } from './FormSubmission.js';

/**
 * [OnlineFundraising15] A processed form submission as the engine keeps it: every field as
 * submitted, linked to its person and campaign (the data set of a web form or an imported row).
 */
export interface FormSubmissionRecord extends FormSubmission {
  /** `<formId>:<submissionId>`: the same submission processed again replaces its record. */
  id: string;
  personId: string;
  source: 'drupal-form' | 'playable-import';
  campaignCode?: string;
  processedAt: string;
}

/** One filled-in form: a Drupal webform submission, or a row of an imported file of signatures. */
export interface FormSubmission {
  formId: string;
  /** Unique within the form (Drupal's sid, or `<import>:<line>`). */
  submissionId: string;
  /** When it was submitted (UTC, ISO 8601). */
  submittedAt: string;
  /** Every field as submitted, as text. */
  fields: Record<string, string>;
}

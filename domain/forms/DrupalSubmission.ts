/** A webform submission as Drupal holds it, in the domain's words. */
export interface DrupalSubmission {
  formId: string;
  submissionId: string;
  /** When it was submitted (UTC, ISO 8601). */
  submittedAt: string;
  /** Every field as submitted, as text (checkboxes "1"/"0", multi-values joined with ", "). */
  fields: Record<string, string>;
}

/** Port: reads submissions from Drupal (the state there is the truth). */
export interface DrupalSubmissions {
  /** Resolves null when Drupal does not know the submission. */
  get(formId: string, submissionId: string): Promise<DrupalSubmission | null>;
}

import { randomUUID } from 'node:crypto';

/** Element values as webform_rest serves them; stored unchecked, so malformed data can be simulated. */
export type SubmissionData = Record<string, unknown>;

export interface StoredSubmission {
  formId: string;
  submissionId: string;
  /** Webform's `serial`: the submission's number within its form, from 1. */
  serial: number;
  uuid: string;
  /** Instant it was submitted, as given (text that is no instant is served as it is). */
  createdAt: string;
  /** Instant of the last change. */
  changedAt: string;
  data: SubmissionData;
}

/**
 * The submissions, by form and submission id. In Drupal a sid is unique site-wide; here it is
 * unique per form, which the API cannot tell apart since every read names both.
 */
export class SubmissionStore {
  private submissions = new Map<string, StoredSubmission>();

  /** Creates the submission or replaces its data (and `createdAt` when given); keeps its uuid and serial. */
  put(input: { formId: string; submissionId: string; data: SubmissionData; createdAt?: string; now: string }): { submission: StoredSubmission; created: boolean } {
    const existing = this.get(input.formId, input.submissionId);
    const submission: StoredSubmission = {
      formId: input.formId,
      submissionId: input.submissionId,
      serial: existing?.serial ?? this.nextSerial(input.formId),
      uuid: existing?.uuid ?? randomUUID(),
      createdAt: input.createdAt ?? existing?.createdAt ?? input.now,
      changedAt: existing ? input.now : (input.createdAt ?? input.now),
      data: { ...input.data },
    };
    this.submissions.set(keyOf(input.formId, input.submissionId), submission);
    return { submission, created: !existing };
  }

  get(formId: string, submissionId: string): StoredSubmission | undefined {
    return this.submissions.get(keyOf(formId, submissionId));
  }

  delete(formId: string, submissionId: string): boolean {
    return this.submissions.delete(keyOf(formId, submissionId));
  }

  /** In the order they were first stored. */
  all(): StoredSubmission[] {
    return [...this.submissions.values()];
  }

  /** One more than the highest numeric sid, as Drupal's auto-increment would hand out. */
  nextSubmissionId(): string {
    const numeric = this.all().map((submission) => Number(submission.submissionId)).filter(Number.isSafeInteger);
    return String(Math.max(0, ...numeric) + 1);
  }

  clear(): void {
    this.submissions.clear();
  }

  private nextSerial(formId: string): number {
    return Math.max(0, ...this.all().filter((submission) => submission.formId === formId).map((submission) => submission.serial)) + 1;
  }
}

function keyOf(formId: string, submissionId: string): string {
  return JSON.stringify([formId, submissionId]);
}

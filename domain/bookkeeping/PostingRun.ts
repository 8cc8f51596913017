/** A payment a run left for later, and why (e.g. its campaign has no income account). */
export interface HeldPayment {
  paymentId: string;
  reason: string;
}

/**
 * [Bogføring] One posting run over a date range. It claims the payments to post (`claiming`),
 * builds and stores its lines, sends them to Business Central (`sending`), and is `done`. A run
 * that fails keeps its phase and resumes there; the same range asked for again is the same run.
 */
export interface PostingRun {
  id: string;
  from: string;
  to: string;
  /** BC's document number for all the run's lines. */
  documentNumber: string;
  status: 'running' | 'completed' | 'failed';
  phase: 'claiming' | 'sending' | 'done';
  /** The id of the last payment the claiming looked at; claiming resumes after it. */
  claimedUpTo: string;
  requestedBy: string;
  requestedAt: string;
  updatedAt: string;
  completedAt?: string;
  /** 1, and one more each time a failed run is started again. */
  attempts: number;
  /** Steps done in this attempt. */
  steps: number;
  /** The step at work and until when it may be; another copy of the message leaves the run alone. */
  lease?: { holder: string; until: string };
  lastError?: string;
  /** Since when the run has been failing without a step succeeding (UTC); cleared by a step that succeeds. */
  failingSince?: string;
  /** How often the run was resumed by itself since it started failing. */
  autoResumes?: number;
  /** When the resumer takes the failed run up again (UTC); absent once it has given up (or for a run waiting for finance). */
  nextAttemptAt?: string;
  /**
   * The line a failed step was sending: BC may have it or not. Settled on the next step, which
   * finds it in the journal or sends it.
   */
  uncertainLine?: number;
  /** Why the run stopped for finance's answer (see `PostingRunReview`); cleared by the answer. */
  review?: PostingRunReview;
  /** Finance's answers to earlier reviews, kept for the audit trail. */
  reviewAnswers?: PostingRunReviewAnswer[];
  paymentCount: number;
  lineCount: number;
  linesSent: number;
  sumOre: number;
  heldCount: number;
  /** The first held payments (at most 100); `heldCount` has them all. */
  held: HeldPayment[];
}

export const heldPaymentsKept = 100;

/**
 * The run cannot tell by itself whether BC has a line: the line was being sent when a step failed,
 * it is not in the journal, and someone has posted entries under the run's document number since.
 * Posted lines leave the journal, so the line may be among them, or may never have arrived. Sending
 * it could post it twice; not sending it could leave it out. Finance looks in BC and answers.
 */
export interface PostingRunReview {
  lineNumber: number;
  externalDocumentNumber: string;
  /** The line as BC would show it: posting date, account, lump sum, description. */
  line: { postingDate: string; accountNumber: string; contraAccountNumber: string; lumpSumOre: number; description: string };
  reason: string;
  raisedAt: string;
}

export interface PostingRunReviewAnswer {
  lineNumber: number;
  postedInBc: boolean;
  answeredBy: string;
  answeredAt: string;
}

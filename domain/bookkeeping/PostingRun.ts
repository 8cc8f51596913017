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
  paymentCount: number;
  lineCount: number;
  linesSent: number;
  sumOre: number;
  heldCount: number;
  /** The first held payments (at most 100); `heldCount` has them all. */
  held: HeldPayment[];
}

export const heldPaymentsKept = 100;

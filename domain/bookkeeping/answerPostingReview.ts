import { NotFoundError } from '../shared/errors.js';
import { NoReviewPendingError, PostingRunChangedError, ReviewLineMismatchError } from './errors.js';
import type { PostingRun } from './PostingRun.js';
import { type StartPostingRunPorts, enqueueStep } from './startPostingRun.js';

export interface PostingReviewAnswer {
  /** The line the run asks about (its `review.lineNumber`). */
  lineNumber: number;
  /** True: finance found the line among the document's G/L entries; false: it is not there. */
  postedInBc: boolean;
  answeredBy: string;
}

/**
 * [Bogføring] Finance's answer to a run stopped for review, and the run set going again. A line
 * found posted counts as sent and is never sent; a line not found is sent as usual. The answer is
 * kept on the run.
 */
export async function answerPostingReview(runId: string, answer: PostingReviewAnswer, ports: StartPostingRunPorts): Promise<PostingRun> {
  const stored = await ports.runs.get(runId);
  if (!stored) throw new NotFoundError(`no posting run ${runId}`);
  const { review, uncertainLine: _answered, lastError: _resolved, ...run } = stored.value;
  if (!review) throw new NoReviewPendingError(`posting run ${runId} is not waiting for an answer`);
  if (review.lineNumber !== answer.lineNumber) {
    throw new ReviewLineMismatchError(`posting run ${runId} asks about line ${review.lineNumber}, not line ${answer.lineNumber}`);
  }
  const answeredAt = ports.clock.now().toISOString();
  if (answer.postedInBc) await markPosted(run, answer, answeredAt, ports);
  const restarted: PostingRun = {
    ...run,
    status: 'running',
    attempts: run.attempts + 1,
    linesSent: run.linesSent + (answer.postedInBc ? 1 : 0),
    reviewAnswers: [...(run.reviewAnswers ?? []), { ...answer, answeredAt }],
    updatedAt: answeredAt,
  };
  if ((await ports.runs.save(restarted, stored.etag)) === 'stale') throw new PostingRunChangedError(`posting run ${runId} changed meanwhile; read it and answer again`);
  await enqueueStep(restarted, ports);
  return restarted;
}

async function markPosted(run: PostingRun, answer: PostingReviewAnswer, answeredAt: string, ports: StartPostingRunPorts): Promise<void> {
  const line = (await ports.runs.lines(run.id)).find((candidate) => candidate.lineNumber === answer.lineNumber);
  if (!line) throw new NotFoundError(`posting run ${run.id} has no line ${answer.lineNumber}`);
  await ports.runs.saveLines([{ ...line, bc: { sentAt: answeredAt, confirmedPostedBy: answer.answeredBy } }]);
}

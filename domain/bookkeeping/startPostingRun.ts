import type { WorkQueue } from '../messaging/WorkItem.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import { currentBookkeepingChart } from './currentBookkeepingChart.js';
import { ChartNotSavedError, InvalidPostingRangeError, PostingRangeOverlapError } from './errors.js';
import type { BookkeepingChartStore, PostingRuns } from './ports.js';
import type { PostingRun } from './PostingRun.js';

export interface StartPostingRunPorts {
  runs: PostingRuns;
  chart: BookkeepingChartStore;
  postingQueue: WorkQueue;
  ids: Ids;
  clock: Clock;
}

export const postingRunStepKind = 'posting-run-step';

/** The message for one step of a run; a step that is no longer the run's next one is ignored. */
export interface PostingRunStep {
  runId: string;
  attempt: number;
  step: number;
}

/**
 * [Bogføring] Starts the posting run over [from, to] (business dates), or returns it when it
 * exists: the same range is the same run, so asking again changes nothing. A run that failed is
 * set going again from where it stopped (one waiting for finance's answer waits on). Ranges of
 * different runs may not overlap.
 */
export async function startPostingRun(request: { from: string; to: string; requestedBy: string }, ports: StartPostingRunPorts): Promise<{ run: PostingRun; started: boolean }> {
  if (request.to < request.from) throw new InvalidPostingRangeError(`the range ends (${request.to}) before it starts (${request.from})`, [{ field: 'to', problem: 'must be on or after from' }]);
  const today = copenhagenDateOf(ports.clock.now());
  if (request.to > today) {
    throw new InvalidPostingRangeError(`the range ends (${request.to}) after today (${today}, Danish time): payments that arrive later would be posted into a closed period`, [{ field: 'to', problem: `on or before ${today}` }]);
  }
  if (!(await currentBookkeepingChart(ports)).saved) throw new ChartNotSavedError('save the bookkeeping chart (PUT /admin/bookkeeping/chart) with the ledger opening date before the first posting run');
  const id = ports.ids.fromKey(`posting-run:${request.from}:${request.to}`);
  const existing = await ports.runs.get(id);
  if (existing) {
    if (!restartable(existing.value)) return { run: existing.value, started: false };
    const restarted = await restartPostingRun(existing.value, existing.etag, ports);
    return restarted ? { run: restarted, started: true } : { run: (await ports.runs.get(id))?.value ?? existing.value, started: false };
  }
  const overlapping = (await ports.runs.list()).find((run) => run.from <= request.to && request.from <= run.to);
  if (overlapping) throw new PostingRangeOverlapError(`the range overlaps posting run ${overlapping.id} (${overlapping.from} to ${overlapping.to})`);
  const run = newRun(id, request, ports.clock.now().toISOString());
  if ((await ports.runs.save(run)) === 'stale') return { run: (await ports.runs.get(id))?.value ?? run, started: false };
  await enqueueStep(run, ports);
  return { run, started: true };
}

function newRun(id: string, request: { from: string; to: string; requestedBy: string }, now: string): PostingRun {
  return {
    id,
    from: request.from,
    to: request.to,
    documentNumber: `MS-${request.to.replaceAll('-', '')}`,
    status: 'running',
    phase: 'claiming',
    claimedUpTo: '',
    requestedBy: request.requestedBy,
    requestedAt: now,
    updatedAt: now,
    attempts: 1,
    steps: 0,
    paymentCount: 0,
    lineCount: 0,
    linesSent: 0,
    sumOre: 0,
    heldCount: 0,
    held: [],
  };
}

/** A failed run goes again when asked, unless it waits for finance's answer (answerPostingReview). */
function restartable(run: PostingRun): boolean {
  return run.status === 'failed' && !run.review;
}

/** Sets a failed run going again from where it stopped: the run as restarted, or undefined when it changed meanwhile. */
export async function restartPostingRun(run: PostingRun, etag: string, ports: Pick<StartPostingRunPorts, 'runs' | 'postingQueue' | 'clock'>): Promise<PostingRun | undefined> {
  const { nextAttemptAt: _due, ...rest } = run;
  const restarted: PostingRun = { ...rest, status: 'running', attempts: run.attempts + 1, updatedAt: ports.clock.now().toISOString() };
  if ((await ports.runs.save(restarted, etag)) === 'stale') return undefined;
  await enqueueStep(restarted, ports);
  return restarted;
}

/** Queues the run's next step; the message id names attempt and step, so a re-sent step is the same step. */
export async function enqueueStep(run: PostingRun, ports: { postingQueue: WorkQueue; clock: Clock }): Promise<void> {
  const step: PostingRunStep = { runId: run.id, attempt: run.attempts, step: run.steps + 1 };
  const messageId = `${step.runId}:${step.attempt}:${step.step}`;
  await ports.postingQueue.enqueue({ messageId, kind: postingRunStepKind, body: step, enqueuedAt: ports.clock.now().toISOString() });
}

import type { Logger } from '../shared/Logger.js';
import { NotFoundError } from '../shared/errors.js';
import { retryAfterFailure } from './postingRetry.js';
import { LineSendFailedError } from './errors.js';
import { currentBookkeepingChart } from './currentBookkeepingChart.js';
import { claimPayments } from './claimPayments.js';
import type { GeneralJournal } from './GeneralJournal.js';
import { externalDocumentNumberOf, journalLineFor } from './journalLineFor.js';
import { campaignKey } from './postingDimensionsFor.js';
import { PostingLineBuilder } from './PostingLineBuilder.js';
import type { PostingLine } from './PostingLine.js';
import { type PostingRun, type PostingRunReview, heldPaymentsKept } from './PostingRun.js';
import type { CampaignCatalogue, PaymentLedger } from './ports.js';
import { type PostingRunStep, type StartPostingRunPorts, enqueueStep } from './startPostingRun.js';

export interface PostingRunPorts extends StartPostingRunPorts {
  ledger: PaymentLedger;
  campaigns: CampaignCatalogue;
  journal: GeneralJournal;
  logger: Logger;
}

/** How much one step does, so a step ends well within a queue function's time limit. */
export interface StepLimits {
  claimsPerStep: number;
  linesPerStep: number;
}

export const defaultStepLimits: StepLimits = { claimsPerStep: 5_000, linesPerStep: 200 };

const leaseMs = 10 * 60_000;

export type StepOutcome = 'continued' | 'completed' | 'failed' | 'stopped-for-review' | 'busy' | 'not-the-next-step';

/**
 * [Bogføring] Does one step of a posting run and queues the next: claim payments, then build and
 * store the lines, then send them to Business Central. Every step starts from what is stored, so a
 * step that fails is simply done again (the queue retries it), and lines BC already has are not
 * sent again. [NFR-Faults] A failed step marks the run failed with when it is to be resumed
 * (`retryAfterFailure`; `resumeDuePostingRuns` does it), so an outage of Business Central delays the
 * run rather than ending it; only a run failing for hours raises the alert. A run that cannot tell
 * whether BC has a line stops for finance's answer (`PostingRunReview`) instead of guessing.
 */
export async function continuePostingRun(message: PostingRunStep, ports: PostingRunPorts, limits: StepLimits = defaultStepLimits): Promise<StepOutcome> {
  const leased = await takeLease(message, ports);
  if (typeof leased === 'string') return leased;
  try {
    const advanced = await doStep(leased.run, ports, limits);
    if (advanced.review) return await stopForReview(advanced, leased.etag, ports);
    const done = advanced.phase === 'done';
    const now = ports.clock.now().toISOString();
    const { lease: _released, lastError: _cleared, failingSince: _recovered, autoResumes: _resumes, nextAttemptAt: _due, ...rest } = advanced;
    const saved: PostingRun = { ...rest, status: done ? 'completed' : 'running', steps: advanced.steps + 1, updatedAt: now, ...(done && { completedAt: now }) };
    if ((await ports.runs.save(saved, leased.etag)) === 'stale') throw new Error(`posting run ${saved.id} changed while its step ran`);
    if (!done) await enqueueStep(saved, ports);
    ports.logger.info('posting run step done', { runId: saved.id, phase: saved.phase, payments: saved.paymentCount, lines: saved.lineCount, sent: saved.linesSent });
    return done ? 'completed' : 'continued';
  } catch (error) {
    await markFailed(message.runId, error, ports);
    return 'failed';
  }
}

async function takeLease(message: PostingRunStep, ports: PostingRunPorts): Promise<{ run: PostingRun; etag: string } | StepOutcome> {
  const stored = await ports.runs.get(message.runId);
  if (!stored) throw new NotFoundError(`no posting run ${message.runId}`);
  const run = stored.value;
  if (run.status === 'completed' || run.attempts !== message.attempt || run.steps + 1 !== message.step) return 'not-the-next-step';
  const holder = `${message.attempt}:${message.step}`;
  const now = ports.clock.now();
  if (run.lease && run.lease.holder !== holder && Date.parse(run.lease.until) > now.getTime()) return 'busy';
  const leased: PostingRun = { ...run, status: 'running', lease: { holder, until: new Date(now.getTime() + leaseMs).toISOString() } };
  if ((await ports.runs.save(leased, stored.etag)) === 'stale') return 'busy';
  const fresh = await ports.runs.get(run.id);
  return fresh ? { run: fresh.value, etag: fresh.etag } : 'busy';
}

async function doStep(run: PostingRun, ports: PostingRunPorts, limits: StepLimits): Promise<PostingRun> {
  if (run.phase === 'claiming') return claimStep(run, ports, limits);
  if (run.phase === 'sending') return sendStep(run, ports, limits);
  return run;
}

async function claimStep(run: PostingRun, ports: PostingRunPorts, limits: StepLimits): Promise<PostingRun> {
  const { chart } = await currentBookkeepingChart(ports);
  const campaigns = new Map((await ports.campaigns.all()).map((campaign) => [campaignKey(campaign.code), campaign]));
  const claim = await claimPayments(run, { chart, campaigns, from: run.from }, limits.claimsPerStep, ports);
  const held = [...run.held, ...claim.held].slice(0, heldPaymentsKept);
  const claimed: PostingRun = { ...run, claimedUpTo: claim.lastId ?? run.claimedUpTo, held, heldCount: run.heldCount + claim.held.length };
  return claim.lookedAt < limits.claimsPerStep ? buildLines(claimed, ports) : claimed;
}

/** Sums the claimed payments into lines; lines BC already has keep that mark. */
async function buildLines(run: PostingRun, ports: PostingRunPorts): Promise<PostingRun> {
  const builder = new PostingLineBuilder();
  for await (const page of ports.ledger.claimedBy(run.id)) for (const payment of page) builder.add(payment);
  const { chart } = await currentBookkeepingChart(ports);
  const sentBefore = new Map((await ports.runs.lines(run.id)).filter((line) => line.bc).map((line) => [line.id, line.bc]));
  const lines = builder.lines(run.id, chart).map((line) => (sentBefore.has(line.id) ? { ...line, bc: sentBefore.get(line.id)! } : line));
  await ports.runs.saveLines(lines);
  const sum = (key: 'lumpSumOre' | 'paymentCount') => lines.reduce((total, line) => total + line[key], 0);
  return { ...run, phase: 'sending', lineCount: lines.length, paymentCount: sum('paymentCount'), sumOre: sum('lumpSumOre'), linesSent: sentBefore.size };
}

async function sendStep(run: PostingRun, ports: PostingRunPorts, limits: StepLimits): Promise<PostingRun> {
  const lines = await ports.runs.lines(run.id);
  const unsent = lines.filter((line) => !line.bc);
  const { uncertainLine: _settledBelow, ...settled } = run;
  if (unsent.length === 0) return { ...settled, phase: 'done', linesSent: lines.length };
  const inJournal = await ports.journal.linesAlreadySent(run.documentNumber);
  if (await postedSinceUncertainSend(run, unsent[0]!, inJournal, ports)) return { ...run, review: reviewOf(run, unsent[0]!, ports) };
  let sent = lines.length - unsent.length;
  for (const line of unsent.slice(0, limits.linesPerStep)) {
    try {
      const sentAt = ports.clock.now().toISOString();
      const found = inJournal.get(externalDocumentNumberOf(run, line));
      if (found) await ports.journal.completeDimensions(found, journalLineFor(run, line));
      const bc = { journalLineId: found ?? (await ports.journal.send(journalLineFor(run, line))).journalLineId, sentAt };
      await ports.runs.saveLines([{ ...line, bc }]);
    } catch (error) {
      throw new LineSendFailedError(line.lineNumber, error);
    }
    sent++;
  }
  return { ...settled, phase: sent === lines.length ? 'done' : 'sending', linesSent: sent };
}

/**
 * True when the line a failed step was sending is not in the journal and BC has posted entries of
 * the run's document since: posting empties the journal, so the line may have been posted.
 */
async function postedSinceUncertainSend(run: PostingRun, next: PostingLine, inJournal: Map<string, string>, ports: PostingRunPorts): Promise<boolean> {
  if (run.uncertainLine !== next.lineNumber || inJournal.has(externalDocumentNumberOf(run, next))) return false;
  return ports.journal.hasPostedEntries(run.documentNumber);
}

function reviewOf(run: PostingRun, line: PostingLine, ports: PostingRunPorts): PostingRunReview {
  const { externalDocumentNumber, postingDate, accountNumber, contraAccountNumber, lumpSumOre, description } = journalLineFor(run, line);
  return {
    lineNumber: line.lineNumber,
    externalDocumentNumber,
    line: { postingDate, accountNumber, contraAccountNumber, lumpSumOre, description },
    reason:
      `Business Central has posted entries of document ${run.documentNumber} since line ${line.lineNumber} (${externalDocumentNumber}) was sent ` +
      'without an answer, and the line is not in the journal: it may have been posted with them. Look for it among the G/L entries of the ' +
      `document and answer with POST /admin/posting-runs/${run.id}/review.`,
    raisedAt: ports.clock.now().toISOString(),
  };
}

/** Saves the run as failed with its review, queues nothing, and logs it so the failure alert fires. */
async function stopForReview(run: PostingRun, etag: string, ports: PostingRunPorts): Promise<StepOutcome> {
  const { lease: _released, ...rest } = run;
  const stopped: PostingRun = { ...rest, status: 'failed', lastError: run.review!.reason, updatedAt: ports.clock.now().toISOString() };
  if ((await ports.runs.save(stopped, etag)) === 'stale') throw new Error(`posting run ${run.id} changed while its step ran`);
  ports.logger.error('posting run step failed', { runId: run.id, phase: run.phase, review: run.review!.lineNumber, error: run.review!.reason });
  return 'stopped-for-review';
}

async function markFailed(runId: string, error: unknown, ports: PostingRunPorts): Promise<void> {
  const stored = await ports.runs.get(runId);
  if (!stored) return;
  const { lease: _released, ...run } = stored.value;
  const lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const uncertainLine = error instanceof LineSendFailedError ? error.lineNumber : run.uncertainLine;
  const now = ports.clock.now();
  const { nextAttemptAt: _previous, ...withoutRetry } = run;
  const retry = retryAfterFailure(run, now);
  const failed: PostingRun = { ...withoutRetry, ...retry, status: 'failed', lastError, ...(uncertainLine !== undefined && { uncertainLine }), updatedAt: now.toISOString() };
  if ((await ports.runs.save(failed, stored.etag)) === 'stale') throw new Error(`posting run ${runId} changed while its step failed`);
  if (retry.nextAttemptAt) ports.logger.warn('posting run step failed; it resumes by itself', { runId, phase: run.phase, error: lastError, nextAttemptAt: retry.nextAttemptAt, failingSince: retry.failingSince });
  else ports.logger.error('posting run step failed', { runId, phase: run.phase, error: lastError, failingSince: retry.failingSince, gaveUp: true });
}

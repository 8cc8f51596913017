import type { Logger } from '../shared/Logger.js';
import { NotFoundError } from '../shared/errors.js';
import { currentBookkeepingChart } from './currentBookkeepingChart.js';
import { claimPayments } from './claimPayments.js';
import type { GeneralJournal } from './GeneralJournal.js';
import { externalDocumentNumberOf, journalLineFor } from './journalLineFor.js';
import { campaignKey } from './postingDimensionsFor.js';
import { PostingLineBuilder } from './PostingLineBuilder.js';
import { type PostingRun, heldPaymentsKept } from './PostingRun.js';
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

export type StepOutcome = 'continued' | 'completed' | 'busy' | 'not-the-next-step';

/**
 * [Bogføring] Does one step of a posting run and queues the next: claim payments, then build and
 * store the lines, then send them to Business Central. Every step starts from what is stored, so a
 * step that fails is simply done again (the queue retries it), and lines BC already has are not
 * sent again. A failed step marks the run failed and rethrows.
 */
export async function continuePostingRun(message: PostingRunStep, ports: PostingRunPorts, limits: StepLimits = defaultStepLimits): Promise<StepOutcome> {
  const leased = await takeLease(message, ports);
  if (typeof leased === 'string') return leased;
  try {
    const advanced = await doStep(leased.run, ports, limits);
    const done = advanced.phase === 'done';
    const now = ports.clock.now().toISOString();
    const { lease: _released, lastError: _cleared, ...rest } = advanced;
    const saved: PostingRun = { ...rest, status: done ? 'completed' : 'running', steps: advanced.steps + 1, updatedAt: now, ...(done && { completedAt: now }) };
    if ((await ports.runs.save(saved, leased.etag)) === 'stale') throw new Error(`posting run ${saved.id} changed while its step ran`);
    if (!done) await enqueueStep(saved, ports);
    ports.logger.info('posting run step done', { runId: saved.id, phase: saved.phase, payments: saved.paymentCount, lines: saved.lineCount, sent: saved.linesSent });
    return done ? 'completed' : 'continued';
  } catch (error) {
    await markFailed(message.runId, error, ports);
    throw error;
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
  if (unsent.length === 0) return { ...run, phase: 'done', linesSent: lines.length };
  const inJournal = await ports.journal.linesAlreadySent(run.documentNumber);
  let sent = lines.length - unsent.length;
  for (const line of unsent.slice(0, limits.linesPerStep)) {
    const sentAt = ports.clock.now().toISOString();
    const found = inJournal.get(externalDocumentNumberOf(run, line));
    if (found) await ports.journal.completeDimensions(found, journalLineFor(run, line));
    const bc = { journalLineId: found ?? (await ports.journal.send(journalLineFor(run, line))).journalLineId, sentAt };
    await ports.runs.saveLines([{ ...line, bc }]);
    sent++;
  }
  return { ...run, phase: sent === lines.length ? 'done' : 'sending', linesSent: sent };
}

async function markFailed(runId: string, error: unknown, ports: PostingRunPorts): Promise<void> {
  const stored = await ports.runs.get(runId);
  if (!stored) return;
  const { lease: _released, ...run } = stored.value;
  const lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  await ports.runs.save({ ...run, status: 'failed', lastError, updatedAt: ports.clock.now().toISOString() }, stored.etag);
  ports.logger.error('posting run step failed', { runId, phase: run.phase, error: lastError });
}

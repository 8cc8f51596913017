import type { Clock } from '../shared/Clock.js';
import type { Logger } from '../shared/Logger.js';
import type { WorkQueue } from '../messaging/WorkItem.js';
import type { PostingRuns } from './ports.js';
import { restartPostingRun } from './startPostingRun.js';

/**
 * [Bogføring][NFR-Faults] The resumer's round (a timer, every minute): every failed run whose
 * `nextAttemptAt` has come is set going again from where it stopped. A run waiting for finance's
 * answer, or one that has given up, has no `nextAttemptAt` and is left alone.
 */
export async function resumeDuePostingRuns(ports: { runs: PostingRuns; postingQueue: WorkQueue; clock: Clock; logger: Logger }): Promise<number> {
  const now = ports.clock.now().toISOString();
  const due = (await ports.runs.list()).filter((run) => run.status === 'failed' && !run.review && run.nextAttemptAt !== undefined && run.nextAttemptAt <= now);
  let resumed = 0;
  for (const run of due) {
    const stored = await ports.runs.get(run.id);
    if (!stored || stored.value.nextAttemptAt !== run.nextAttemptAt || stored.value.status !== 'failed') continue;
    const restarted = await restartPostingRun({ ...stored.value, autoResumes: (stored.value.autoResumes ?? 0) + 1 }, stored.etag, ports);
    if (!restarted) continue;
    resumed++;
    ports.logger.info('posting run resumed', { runId: run.id, attempt: restarted.attempts, failingSince: run.failingSince });
  }
  return resumed;
}

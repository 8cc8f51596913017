import type { PostingRuns } from '../../domain/bookkeeping/ports.js';
import { resumeDuePostingRuns } from '../../domain/bookkeeping/resumeDuePostingRuns.js';
import type { WorkQueue } from '../../domain/messaging/WorkItem.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Logger } from '../../domain/shared/Logger.js';
import type { TimerFunction } from './TimerFunction.js';

/** [Bogføring][NFR-Faults] Every minute: resume the failed posting runs whose time has come. */
export function postingRunResumerFunction(ports: { runs: PostingRuns; postingQueue: WorkQueue; clock: Clock; logger: Logger }): TimerFunction {
  return {
    name: 'postingRunResumer',
    schedule: '0 * * * * *',
    handle: async () => {
      await resumeDuePostingRuns(ports);
    },
  };
}

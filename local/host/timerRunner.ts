import { Cron } from 'croner';
import type { Logger } from '../../domain/shared/Logger.js';
import type { TimerFunction } from '../../handlers/timer/TimerFunction.js';

export interface RunningTimer {
  nextRun(): Date | null;
  stop(): void;
}

/**
 * Runs a timer function on its NCRONTAB schedule in UTC, as Azure Functions does. NCRONTAB's six
 * fields (seconds first) are croner's six-field form; a run still going when the next is due is
 * skipped, like the Functions singleton timer.
 */
export function runTimerFunction(fn: TimerFunction, logger: Logger): RunningTimer {
  const job = new Cron(fn.schedule, { timezone: 'UTC', protect: true }, async () => {
    try {
      await fn.handle();
    } catch (error) {
      logger.error('timer function failed', { timer: fn.name, error: String(error) });
    }
  });
  return { nextRun: () => job.nextRun(), stop: () => job.stop() };
}

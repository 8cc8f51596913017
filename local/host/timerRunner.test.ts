import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../adapters/system/jsonLogger.js';
import { eventually } from '../../test/support/eventually.js';
import { runTimerFunction } from './timerRunner.js';

describe('local timer host', () => {
  it('reads NCRONTAB (seconds first, UTC): "0 */15 * * * *" runs on the quarter hours', () => {
    const timer = runTimerFunction({ name: 'quarterly', schedule: '0 */15 * * * *', handle: async () => {} }, silentLogger);
    const next = timer.nextRun()!;
    timer.stop();
    expect(next.getUTCSeconds()).toBe(0);
    expect(next.getUTCMinutes() % 15).toBe(0);
  });

  it('runs the function when due and keeps running after a failed run', async () => {
    let runs = 0;
    const timer = runTimerFunction(
      {
        name: 'everySecond',
        schedule: '* * * * * *',
        handle: async () => {
          runs++;
          if (runs === 1) throw new Error('first run fails');
        },
      },
      silentLogger,
    );
    await eventually(() => expect(runs).toBeGreaterThanOrEqual(2), 10_000);
    timer.stop();
  });
});

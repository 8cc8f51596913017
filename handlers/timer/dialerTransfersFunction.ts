import type { StartJobPorts } from '../../domain/jobs/startJobRun.js';
import type { CallCampaigns } from '../../domain/telemarketing/ports.js';
import { startDailyTransfers } from '../../domain/telemarketing/startDailyTransfers.js';
import { copenhagenHour } from './copenhagenHour.js';
import type { TimerFunction } from './TimerFunction.js';

/** The Danish hour the daily dialer transfers start: after the dunning groups (05:00), before the callers start. */
export const dialerTransfersHour = 6;

/** [Dialer1] Daily at 06:00 Europe/Copenhagen (fires at 04:00 and 05:00 UTC; see copenhagenHour). */
export function dialerTransfersFunction(ports: StartJobPorts & { campaigns: CallCampaigns }): TimerFunction {
  return {
    name: 'dialerTransfers',
    schedule: '0 0 4,5 * * *',
    handle: async () => {
      if (copenhagenHour(ports.clock.now()) !== dialerTransfersHour) return;
      await startDailyTransfers(ports);
    },
  };
}

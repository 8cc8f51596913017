import { dunningGroupsJobName } from '../../domain/dunning/dunningGroupsJob.js';
import { type StartJobPorts, startJobRun } from '../../domain/jobs/startJobRun.js';
import { copenhagenHour } from './copenhagenHour.js';
import type { TimerFunction } from './TimerFunction.js';


/** The Danish hour the daily groups are computed at. */
export const dunningGroupsHour = 5;

/**
 * [CampaignAutomation6] Daily at 05:00 Europe/Copenhagen: fires at 03:00 and 04:00 UTC, one of
 * which is 05:00 in Denmark (see copenhagenHour). A day's scheduled run has one id, so a second
 * firing starts nothing.
 */
export function dunningGroupsFunction(ports: StartJobPorts): TimerFunction {
  return {
    name: 'dunningGroups',
    schedule: '0 0 3,4 * * *',
    handle: async () => {
      if (copenhagenHour(ports.clock.now()) !== dunningGroupsHour) return;
      await startJobRun(dunningGroupsJobName, { kind: 'schedule' }, ports);
    },
  };
}

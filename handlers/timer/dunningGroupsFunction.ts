import { dunningGroupsJobName } from '../../domain/dunning/dunningGroupsJob.js';
import { type StartJobPorts, startJobRun } from '../../domain/jobs/startJobRun.js';
import type { TimerFunction } from './TimerFunction.js';

const copenhagenHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' });

/** The Danish hour the daily groups are computed at. */
export const dunningGroupsHour = 5;

/**
 * [CampaignAutomation6] Daily at 05:00 Europe/Copenhagen. Timers on Azure's Linux plans run in
 * UTC (WEBSITE_TIME_ZONE is not honoured there), so the schedule fires at 03:00 and 04:00 UTC, one
 * of which is 05:00 in Denmark whether summer time is in force or not; the other does nothing. A
 * day's scheduled run has one id, so a second firing starts nothing.
 */
export function dunningGroupsFunction(ports: StartJobPorts): TimerFunction {
  return {
    name: 'dunningGroups',
    schedule: '0 0 3,4 * * *',
    handle: async () => {
      if (Number(copenhagenHour.format(ports.clock.now())) !== dunningGroupsHour) return;
      await startJobRun(dunningGroupsJobName, { kind: 'schedule' }, ports);
    },
  };
}

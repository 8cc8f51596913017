import { anonymisationScheduleJobName } from '../../domain/anonymisation/anonymisationScheduleJob.js';
import { type StartJobPorts, startJobRun } from '../../domain/jobs/startJobRun.js';
import { copenhagenHour } from './copenhagenHour.js';
import type { TimerFunction } from './TimerFunction.js';

/** The Danish hour the anonymisation schedule runs at (quiet, before the 05:00 groups). */
export const anonymisationScheduleHour = 2;

/** [CARE-Anon] Nightly at 02:00 Europe/Copenhagen: fires at 00:00 and 01:00 UTC, one of which is 02:00 in Denmark; one run a day. */
export function anonymisationScheduleFunction(ports: StartJobPorts): TimerFunction {
  return {
    name: 'anonymisationSchedule',
    schedule: '0 0 0,1 * * *',
    handle: async () => {
      if (copenhagenHour(ports.clock.now()) !== anonymisationScheduleHour) return;
      await startJobRun(anonymisationScheduleJobName, { kind: 'schedule' }, ports);
    },
  };
}

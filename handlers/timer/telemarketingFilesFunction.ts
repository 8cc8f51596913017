import { type StartJobPorts, startJobRun } from '../../domain/jobs/startJobRun.js';
import { nightlyLeadFilesJobName } from '../../domain/telemarketing/nightlyLeadFilesJob.js';
import { copenhagenHour } from './copenhagenHour.js';
import type { TimerFunction } from './TimerFunction.js';

/** The Danish hour the nightly lead files go to the TM vendor: after midnight, so a file holds whole days. */
export const telemarketingFilesHour = 2;

/**
 * [Leadflow] Nightly at 02:00 Europe/Copenhagen: fires at 00:00 and 01:00 UTC, one of which is 02:00 in
 * Denmark (see copenhagenHour). A night's scheduled run has one id, so a second firing starts nothing.
 */
export function telemarketingFilesFunction(ports: StartJobPorts): TimerFunction {
  return {
    name: 'telemarketingFiles',
    schedule: '0 0 0,1 * * *',
    handle: async () => {
      if (copenhagenHour(ports.clock.now()) !== telemarketingFilesHour) return;
      await startJobRun(nightlyLeadFilesJobName, { kind: 'schedule' }, ports);
    },
  };
}

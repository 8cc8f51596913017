import { exportDatasetsJobName, exportPaymentsHourlyJobName } from '../../domain/datasets/exportDatasetsJob.js';
import { type StartJobPorts, startJobRun } from '../../domain/jobs/startJobRun.js';
import { copenhagenHour } from './copenhagenHour.js';
import type { TimerFunction } from './TimerFunction.js';

/** The Danish hour of the nightly full export. */
export const nightlyExportHour = 2;

/** [Rapportering1] Nightly at 02:00 Danish time: every dataset in full. */
export function nightlyDatasetExportFunction(ports: StartJobPorts): TimerFunction {
  return {
    name: 'nightlyDatasetExport',
    schedule: '0 0 0,1 * * *',
    handle: async () => {
      if (copenhagenHour(ports.clock.now()) !== nightlyExportHour) return;
      await startJobRun(exportDatasetsJobName, { kind: 'schedule' }, ports);
    },
  };
}

/** [Rapportering1] Every hour at :30: the payment months that changed, so reports are at most an hour behind. */
export function hourlyPaymentExportFunction(ports: StartJobPorts): TimerFunction {
  return {
    name: 'hourlyPaymentExport',
    schedule: '0 30 * * * *',
    handle: async () => {
      await startJobRun(exportPaymentsHourlyJobName, { kind: 'schedule', slot: ports.clock.now().toISOString().slice(0, 13) }, ports);
    },
  };
}

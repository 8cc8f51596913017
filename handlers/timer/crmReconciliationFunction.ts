import { type StartJobPorts, startJobRun } from '../../domain/jobs/startJobRun.js';
import { crmReconciliationJobName } from '../../domain/reconciliation/crmReconciliationJob.js';
import { copenhagenHour } from './copenhagenHour.js';
import type { TimerFunction } from './TimerFunction.js';

/** The Danish hour of the nightly comparison of the engine with the CRM (after the 02:00 export). */
export const crmReconciliationHour = 3;

/** [NFR-Faults] Nightly at 03:00 Danish time: the CRM reconciliation job (also on demand through the jobs API). */
export function crmReconciliationFunction(ports: StartJobPorts): TimerFunction {
  return {
    name: 'crmReconciliation',
    schedule: '0 0 1,2 * * *',
    handle: async () => {
      if (copenhagenHour(ports.clock.now()) !== crmReconciliationHour) return;
      await startJobRun(crmReconciliationJobName, { kind: 'schedule' }, ports);
    },
  };
}

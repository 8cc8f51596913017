import type { Job } from '../jobs/JobRun.js';
import { type CrmReconciliationPorts, reconcileCrmPersons } from './reconcileCrmPersons.js';

export const crmReconciliationJobName = 'crm-reconciliation';

/** [NFR-Faults] The CRM reconciliation as a job: nightly, or on demand with POST /admin/jobs/crm-reconciliation/run. */
export function crmReconciliationJob(ports: CrmReconciliationPorts): Job {
  return {
    name: crmReconciliationJobName,
    description: 'Compare every active person with the CRM and write again those it lacks (report: GET /admin/reconciliation)',
    run: async (context) => {
      const report = await reconcileCrmPersons(ports, (checked) => context.progress(checked, 'persons'));
      return { checked: report.checked, repaired: report.repaired };
    },
  };
}

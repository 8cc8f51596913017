import { Hono } from 'hono';
import { type CrmReconciliationReports, type ReconciliationStateStore, crmReconciliationReportId } from '../../domain/reconciliation/ports.js';
import { onlineFundraisingReconciliationStateId } from '../../domain/reconciliation/reconcileOnlineFundraising.js';

export interface ReconciliationRouteDeps {
  onlineFundraisingState: ReconciliationStateStore;
  crmReports: CrmReconciliationReports;
}

/**
 * [NFR-Faults] GET /admin/reconciliation: what the last reconciliations checked and repaired, by id:
 * with OF (changes the engine missed, re-queued) and with the CRM (persons it lacked, written again).
 * Start one with POST /admin/jobs/crm-reconciliation/run.
 */
export function reconciliationRoutes(deps: ReconciliationRouteDeps): Hono {
  return new Hono().get('/', async (c) => {
    const [onlineFundraising, crm] = await Promise.all([deps.onlineFundraisingState.get(onlineFundraisingReconciliationStateId), deps.crmReports.get(crmReconciliationReportId)]);
    return c.json({ onlineFundraising: onlineFundraising?.value.lastRun ?? null, crm: crm?.value ?? null });
  });
}

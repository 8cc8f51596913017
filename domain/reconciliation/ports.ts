import type { OnlineFundraisingEntity } from '../onlinefundraising/OnlineFundraisingNotification.js';
import type { Versioned } from '../person/ports.js';

/** One entity OF reports as changed: its OF id and last-modified instant. */
export interface OfChange {
  id: string;
  updatedAt: string;
}

export interface OfChangePage {
  changes: OfChange[];
  /** Absent on the last page. */
  nextCursor?: string;
}

/** Port: OF's listing of entities changed since an instant (inclusive), oldest first, page by page. */
export interface OnlineFundraisingChanges {
  listChangedSince(entity: OnlineFundraisingEntity, since: string | undefined, cursor?: string): Promise<OfChangePage>;
}

/** How far the reconciliation got per entity, and what its last run found. */
export interface ReconciliationState {
  id: string;
  /** OF's `updatedAt` of the newest change seen, per entity; the next run starts there. */
  watermarks: Partial<Record<OnlineFundraisingEntity, string>>;
  lastRun?: ReconciliationReport;
}

export interface ReconciliationReport {
  startedAt: string;
  finishedAt: string;
  /** Per entity: changes compared, and those the engine had missed (re-queued). */
  entities: Partial<Record<OnlineFundraisingEntity, { checked: number; repaired: number; repairedIds: string[] }>>;
}

/** Port: where the reconciliation keeps its state between runs. */
export interface ReconciliationStateStore {
  get(id: string): Promise<Versioned<ReconciliationState> | null>;
  /** Without `etag` only creates; with it replaces only if unchanged. */
  save(state: ReconciliationState, etag?: string): Promise<'saved' | 'stale'>;
}

/** Port: the ids of every person the CRM holds a contact for, a page at a time. */
export interface CrmPersonIds {
  pages(): AsyncIterable<string[]>;
}

/** [NFR-Faults] What the last comparison of the engine with the CRM found and repaired. */
export interface CrmReconciliationReport {
  id: typeof crmReconciliationReportId;
  startedAt: string;
  finishedAt: string;
  /** Active persons compared with the CRM. */
  checked: number;
  /** Persons the CRM lacked, written to it again (all counted; the first 1,000 ids listed). */
  repaired: number;
  repairedIds: string[];
}

export const crmReconciliationReportId = 'crm-reconciliation-report';

/** Port: where the last CRM reconciliation report is kept for the admin API. */
export interface CrmReconciliationReports {
  get(id: typeof crmReconciliationReportId): Promise<Versioned<CrmReconciliationReport> | null>;
  save(report: CrmReconciliationReport, etag?: string): Promise<'saved' | 'stale'>;
}

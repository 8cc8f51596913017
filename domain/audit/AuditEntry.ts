import type { Actor } from '../shared/Actor.js';

/** What an audited action did with personal data. */
export type AuditKind = 'read' | 'change' | 'export';

/**
 * [KomMed-GDPR] One line of the audit log: who (from their token) did what with whose personal data,
 * when, and why when they said. Bulk reads and exports name the people when they are known and
 * always their count and the criteria used. Entries are only ever added.
 */
export interface AuditEntry {
  id: string;
  /** Instant (UTC). */
  at: string;
  /** Business day (Europe/Copenhagen) of `at`: the log's partition. */
  day: string;
  actor: Actor;
  /** e.g. `GET /admin/persons/:id`, or a job's name. */
  action: string;
  kind: AuditKind;
  personIds: string[];
  /** Other records the action touched (a payment, an agreement, a stop-list entry). */
  subjects?: { kind: string; id: string }[];
  count?: number;
  criteria?: Record<string, string>;
  purpose?: string;
  correlationId?: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  continuationToken?: string;
}

import type { AuditEntry, AuditPage } from './AuditEntry.js';

/** Port: the append-only audit log ([KomMed-GDPR]). There is no way to change or remove an entry. */
export interface AuditLog {
  /** Adds the entry; throws if it could not be stored (the action must then not happen). */
  append(entry: AuditEntry): Promise<void>;
  /** Newest first, about one person or by one actor. */
  find(filter: { personId: string } | { actorId: string }, page: { pageSize: number; continuationToken?: string }): Promise<AuditPage>;
}

import type { Clock } from '../shared/Clock.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import type { Ids } from '../shared/Ids.js';
import type { AuditEntry } from './AuditEntry.js';
import type { AuditLog } from './ports.js';

export interface AuditPorts {
  auditLog: AuditLog;
  ids: Ids;
  clock: Clock;
}

/** [KomMed-GDPR] Writes one audit entry now; the caller lets the action (or its data) go only after this resolves. */
export async function recordAudit(entry: Omit<AuditEntry, 'id' | 'at' | 'day'>, ports: AuditPorts): Promise<AuditEntry> {
  const now = ports.clock.now();
  const written: AuditEntry = { id: ports.ids.random(), at: now.toISOString(), day: copenhagenDateOf(now), ...entry };
  await ports.auditLog.append(written);
  return written;
}

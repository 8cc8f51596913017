import type { CrmProjectionState, MirrorRecord } from '../mirror/MirrorRecord.js';
import { forEachConcurrently } from '../shared/forEachConcurrently.js';
import type { MirrorRepository } from '../mirror/ports.js';
import type { Versioned } from '../person/ports.js';
import type { Clock } from '../shared/Clock.js';
import type { Logger } from '../shared/Logger.js';
import { contentHash } from '../shared/contentHash.js';
import type { CrmMirrorWriter, CrmWriteResult } from './ports.js';

export interface ProjectionPorts {
  mirror: Pick<MirrorRepository, 'findCrmPending' | 'replace'>;
  crm: CrmMirrorWriter;
  clock: Clock;
  logger: Logger;
}

export interface ProjectionRound {
  pending: number;
  written: number;
  /** Pending records whose projected fields had not changed: no CRM request. */
  skipped: number;
  failed: number;
}

/** Marking records written is one store write each; a few at a time keeps a round short. */
const markConcurrency = 16;

/** Parents first, so a child's lookup finds its parent row in the CRM. */
const writeOrder: Record<MirrorRecord['entity'], number> = { agreement: 0, subscription: 1, payment_method: 1, add_on: 2, payment: 2, data_set: 0 };

/**
 * [OnlineFundraising2][NFR-Throttle] One round of the CRM projector: take the records changed since
 * they were last written (however many times they changed: one write each), skip those whose CRM
 * columns would not change, and hand the rest to the CRM writer in batches. A record changed again
 * while it was written stays pending for the next round.
 */
export async function projectMirrorToCrm(ports: ProjectionPorts, options: { maxRecords: number }): Promise<ProjectionRound> {
  const pending = (await ports.mirror.findCrmPending(options.maxRecords)).sort((a, b) => writeOrder[a.value.entity] - writeOrder[b.value.entity]);
  const projected = pending.map((stored) => ({ stored, projection: ports.crm.project(stored.value) }))
    .map((item) => ({ ...item, hash: contentHash(item.projection.payload) }));
  const changed = projected.filter((item) => item.hash !== item.stored.value.crm?.writtenHash);
  const results = changed.length > 0 ? await ports.crm.writeMany(changed.map((item) => item.projection)) : [];
  const byKey = new Map(results.map((result) => [result.key, result]));
  let failed = 0;
  await forEachConcurrently(projected, markConcurrency, async (item) => {
    const result: CrmWriteResult = byKey.get(item.projection.key) ?? { key: item.projection.key, ok: true };
    if (!result.ok) failed++;
    await markProjected(item.stored, item.hash, result, ports);
  });
  const round = { pending: pending.length, written: changed.length - failed, skipped: projected.length - changed.length, failed };
  if (round.pending > 0) ports.logger.info('CRM projection round', round);
  return round;
}

async function markProjected(stored: Versioned<MirrorRecord>, hash: string, result: CrmWriteResult, ports: ProjectionPorts): Promise<void> {
  const now = ports.clock.now().toISOString();
  // A failed record goes to the back of the queue, so failures cannot starve the others.
  const crm: CrmProjectionState = result.ok
    ? { pending: false, writtenHash: hash, writtenAt: now }
    : { ...stored.value.crm, pending: true, pendingSince: now, lastError: result.error ?? 'unknown error' };
  if (!result.ok) ports.logger.warn('CRM write failed; stays pending', { mirrorId: stored.value.id, entity: stored.value.entity, error: crm.lastError });
  // 'stale' means the record changed meanwhile: it is still pending, and the next round writes it.
  await ports.mirror.replace({ ...stored.value, crm }, stored.etag);
}

import type { WorkQueue } from '../messaging/WorkItem.js';
import { mirrorIdFor } from '../mirror/mirrorIds.js';
import type { MirrorRepository } from '../mirror/ports.js';
import { acceptOnlineFundraisingNotification } from '../onlinefundraising/acceptOnlineFundraisingNotification.js';
import { type OnlineFundraisingEntity, onlineFundraisingEntities } from '../onlinefundraising/OnlineFundraisingNotification.js';
import { personIdForOnlineFundraisingContact } from '../person/personFromOnlineFundraisingContact.js';
import type { PersonRepository } from '../person/ports.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import type { Logger } from '../shared/Logger.js';
import type { OfChange, OnlineFundraisingChanges, ReconciliationReport, ReconciliationState, ReconciliationStateStore } from './ports.js';

export interface ReconciliationPorts {
  changes: OnlineFundraisingChanges;
  persons: Pick<PersonRepository, 'get'>;
  mirror: Pick<MirrorRepository, 'get'>;
  inbox: WorkQueue;
  state: ReconciliationStateStore;
  ids: Ids;
  clock: Clock;
  logger: Logger;
}

export const onlineFundraisingReconciliationStateId = 'onlinefundraising';
/** Ids listed in the report per entity; the counts are always complete. */
const maxReportedIds = 100;

/**
 * [OnlineFundraising1][OnlineFundraising2] Never out of sync: compares what OF changed since the
 * last run with the engine's copies, and re-queues every change the engine missed (a lost
 * notification) through the normal processing path. Reports what it repaired.
 */
export async function reconcileOnlineFundraising(ports: ReconciliationPorts): Promise<ReconciliationReport> {
  const stored = await ports.state.get(onlineFundraisingReconciliationStateId);
  const watermarks = { ...stored?.value.watermarks };
  const report: ReconciliationReport = { startedAt: ports.clock.now().toISOString(), finishedAt: '', entities: {} };
  for (const entity of onlineFundraisingEntities) {
    const result = await reconcileEntity(entity, watermarks[entity], ports);
    report.entities[entity] = { checked: result.checked, repaired: result.repaired.length, repairedIds: result.repaired.slice(0, maxReportedIds) };
    if (result.watermark) watermarks[entity] = result.watermark;
  }
  report.finishedAt = ports.clock.now().toISOString();
  await ports.state.save({ id: onlineFundraisingReconciliationStateId, watermarks, lastRun: report }, stored?.etag);
  logReport(report, ports.logger);
  return report;
}

async function reconcileEntity(entity: OnlineFundraisingEntity, since: string | undefined, ports: ReconciliationPorts) {
  const repaired: string[] = [];
  let checked = 0;
  let watermark = since;
  let cursor: string | undefined;
  do {
    const page = await ports.changes.listChangedSince(entity, since, cursor);
    for (const change of page.changes) {
      checked++;
      if (await missed(entity, change, ports)) {
        await requeue(entity, change, ports);
        repaired.push(change.id);
      }
      if (!watermark || change.updatedAt > watermark) watermark = change.updatedAt;
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { checked, repaired, watermark };
}

/** The engine missed a change when it has no copy, or an older one than OF's. */
async function missed(entity: OnlineFundraisingEntity, change: OfChange, ports: ReconciliationPorts): Promise<boolean> {
  const held = entity === 'contact'
    ? (await ports.persons.get(personIdForOnlineFundraisingContact(ports.ids, change.id)))?.value.onlineFundraising?.updatedAt
    : (await ports.mirror.get(mirrorIdFor(ports.ids, entity, change.id)))?.value.ofUpdatedAt;
  return held === undefined || Date.parse(held) < Date.parse(change.updatedAt);
}

function requeue(entity: OnlineFundraisingEntity, change: OfChange, ports: ReconciliationPorts) {
  const notification = {
    notificationId: `reconciliation:${entity}:${change.id}:${change.updatedAt}`,
    entity,
    entityId: change.id,
    event: 'updated' as const,
    occurredAt: change.updatedAt,
  };
  return acceptOnlineFundraisingNotification(notification, ports, { repairs: true });
}

function logReport(report: ReconciliationReport, logger: Logger): void {
  const repaired = Object.values(report.entities).reduce((sum, entity) => sum + (entity?.repaired ?? 0), 0);
  const checked = Object.values(report.entities).reduce((sum, entity) => sum + (entity?.checked ?? 0), 0);
  const log = repaired > 0 ? logger.warn : logger.info;
  log('OnlineFundraising reconciliation finished', { checked, repaired });
}

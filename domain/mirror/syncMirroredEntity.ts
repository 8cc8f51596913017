import type { AutomationTriggerStore } from '../automation/ports.js';
import { recordTriggerEvent } from '../automation/recordTriggerEvent.js';
import { triggerKindFor } from '../automation/triggerKindFor.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import type { Logger } from '../shared/Logger.js';
import { ConcurrencyConflictError, NotFoundError } from '../shared/errors.js';
import type { MirrorRecord } from './MirrorRecord.js';
import type { MirroredEntity, OfSnapshot } from './OnlineFundraisingRecords.js';
import { linkWaitingChildren, settleWaitingFor } from './linkWaitingChildren.js';
import { canBeParent, mirrorIdFor, parentsOf, personOf } from './mirrorIds.js';
import type { MirrorRepository, OnlineFundraisingRecords, ParentDirectory } from './ports.js';
import { sameMirrorData } from './sameMirrorData.js';
import { anonymisedSnapshot } from '../anonymisation/anonymisedMirrorRecord.js';

export interface MirrorPorts {
  onlineFundraisingRecords: OnlineFundraisingRecords;
  mirror: MirrorRepository;
  parents: ParentDirectory;
  triggers: AutomationTriggerStore;
  ids: Ids;
  clock: Clock;
  logger: Logger;
}

export type MirrorOutcome = 'created' | 'updated' | 'unchanged' | 'older-than-stored';

const maxSaveAttempts = 5;

/**
 * [OnlineFundraising1][OnlineFundraising2] An OF entity changed: read it from OF, keep the newest
 * copy under its deterministic id with its relations, and link it to the records waiting for it.
 * A child that arrives before its parent is stored, waiting, and linked when the parent arrives.
 */
export async function syncMirroredEntity(
  entity: MirroredEntity,
  ofId: string,
  ports: MirrorPorts,
): Promise<{ id: string; outcome: MirrorOutcome; personId?: string; record: MirrorRecord }> {
  const snapshot = await ports.onlineFundraisingRecords.get(entity, ofId);
  if (!snapshot) throw new NotFoundError(`OnlineFundraising has no ${entity} ${ofId}`);
  const id = mirrorIdFor(ports.ids, entity, snapshot.record.id);
  const { record, outcome, previous } = await saveNewest(snapshot, id, ports);
  await countTriggerEvent(previous, record, outcome, ports);
  await settleWaitingFor(record.id, ports);
  // Looking for waiting children is a query; a leaf (e.g. a payment) never has any.
  if (canBeParent(entity)) await linkWaitingChildren(record.id, ports);
  ports.logger.info('OnlineFundraising entity mirrored', { entity, mirrorId: id, outcome, waitingFor: record.waitingFor.length });
  return { id, outcome, ...(record.personId && { personId: record.personId }), record };
}

/** A payment event (e.g. a payment that failed) counts into its person's aggregated trigger. */
async function countTriggerEvent(previous: MirrorRecord | undefined, record: MirrorRecord, outcome: MirrorOutcome, ports: MirrorPorts): Promise<void> {
  if (outcome !== 'created' && outcome !== 'updated') return;
  const kind = triggerKindFor(previous, record);
  if (kind && record.personId) await recordTriggerEvent({ personId: record.personId, kind, sourceId: record.id }, ports);
}

async function saveNewest(
  snapshot: OfSnapshot,
  id: string,
  ports: MirrorPorts,
): Promise<{ record: MirrorRecord; outcome: MirrorOutcome; previous?: MirrorRecord }> {
  for (let attempt = 1; attempt <= maxSaveAttempts; attempt++) {
    const stored = await ports.mirror.get(id);
    if (stored && Date.parse(snapshot.record.updatedAt) < Date.parse(stored.value.ofUpdatedAt)) {
      return { record: stored.value, outcome: 'older-than-stored' };
    }
    const candidate = await buildRecord(snapshot, id, ports, stored?.value);
    if (!stored) {
      if ((await ports.mirror.create(candidate)) === 'created') return { record: candidate, outcome: 'created' };
      continue;
    }
    if (sameMirrorData(candidate, stored.value)) return { record: stored.value, outcome: 'unchanged' };
    if ((await ports.mirror.replace(candidate, stored.etag)) === 'replaced') return { record: candidate, outcome: 'updated', previous: stored.value };
  }
  throw new ConcurrencyConflictError(`mirror record ${id} changed concurrently ${maxSaveAttempts} times in a row`);
}

async function buildRecord(snapshot: OfSnapshot, id: string, ports: MirrorPorts, existing?: MirrorRecord): Promise<MirrorRecord> {
  const parents = parentsOf(snapshot, ports.ids);
  const present = await Promise.all(parents.map((parent) => ports.parents.exists(parent)));
  // [OnlineFundraising13] A record of a merged-away person belongs to the survivor.
  const contactPerson = personOf(parents);
  const personId = contactPerson && ((await ports.parents.activePersonOf(contactPerson)) ?? contactPerson);
  const now = ports.clock.now().toISOString();
  // [GDPR1] A late or replayed record of an anonymised person brings nothing personal back.
  const record = personId && (await ports.parents.isAnonymised(personId)) ? anonymisedSnapshot(snapshot).record : snapshot.record;
  return {
    id,
    entity: snapshot.entity,
    ofId: snapshot.record.id,
    ofUpdatedAt: snapshot.record.updatedAt,
    ...(personId && { personId }),
    parents,
    waitingFor: parents.filter((_, index) => !present[index]).map((parent) => parent.id),
    record,
    crm: { ...existing?.crm, pending: true, pendingSince: existing?.crm?.pending ? (existing.crm.pendingSince ?? now) : now },
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
}

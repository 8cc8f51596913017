import { ConcurrencyConflictError } from '../shared/errors.js';
import type { MirrorRecord } from './MirrorRecord.js';
import type { MirrorRepository, ParentDirectory } from './ports.js';

const maxAttempts = 5;

/** A parent arrived (a person or a mirrored record): the records waiting for it stop waiting. */
export async function linkWaitingChildren(parentId: string, ports: { mirror: MirrorRepository }): Promise<number> {
  const children = await ports.mirror.findWaitingFor(parentId);
  for (const child of children) {
    await updateWaitingFor(child.value.id, ports, (waitingFor) => waitingFor.filter((id) => id !== parentId));
  }
  return children.length;
}

/**
 * A record was saved waiting for parents; one may have arrived between the check and the save
 * (and looked for waiting children before this record was there). Check again after saving, so
 * neither side can leave the link undone.
 */
export async function settleWaitingFor(id: string, ports: { mirror: MirrorRepository; parents: ParentDirectory }): Promise<void> {
  const stored = await ports.mirror.get(id);
  if (!stored || stored.value.waitingFor.length === 0) return;
  const arrived = await arrivedParents(stored.value, ports.parents);
  if (arrived.length === 0) return;
  await updateWaitingFor(id, ports, (waitingFor) => waitingFor.filter((parentId) => !arrived.includes(parentId)));
}

async function arrivedParents(record: MirrorRecord, parents: ParentDirectory): Promise<string[]> {
  const waiting = record.parents.filter((parent) => record.waitingFor.includes(parent.id));
  const present = await Promise.all(waiting.map((parent) => parents.exists(parent)));
  return waiting.filter((_, index) => present[index]).map((parent) => parent.id);
}

async function updateWaitingFor(id: string, ports: { mirror: MirrorRepository }, change: (waitingFor: string[]) => string[]): Promise<void> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await ports.mirror.get(id);
    if (!stored) return;
    const waitingFor = change(stored.value.waitingFor);
    if (waitingFor.length === stored.value.waitingFor.length) return;
    // A parent that arrived can now be linked in the CRM too.
    const crm = { ...stored.value.crm, pending: true, pendingSince: stored.value.crm?.pendingSince ?? stored.value.updatedAt };
    if ((await ports.mirror.replace({ ...stored.value, waitingFor, crm }, stored.etag)) === 'replaced') return;
  }
  throw new ConcurrencyConflictError(`mirror record ${id} changed concurrently ${maxAttempts} times in a row`);
}

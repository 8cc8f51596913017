import type { OnlineFundraisingEntity } from '../../../adapters/onlinefundraising/notification.js';
import type { ContactRecord } from './entities.js';
import type { EntityStore } from './entityStore.js';

/** The entities that belong to a contact through their `contact_id`; subscriptions and add-ons follow their agreement. */
const contactOwnedEntities = ['agreement', 'payment_method', 'payment', 'data_set'] as const;

export interface ChangedEntity {
  entity: OnlineFundraisingEntity;
  id: string;
}

export interface ContactMerge {
  survivor: ContactRecord;
  /** Survivor, merged contact, then every moved entity; empty when the merge had been done already. */
  changed: ChangedEntity[];
}

/** Why OF refuses a merge, with the status and error code its API answers. */
export class ContactMergeError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly code: 'invalid_request' | 'not_found' | 'conflict',
    message: string,
  ) {
    super(message);
    this.name = 'ContactMergeError';
  }
}

/**
 * Merges `mergedId` into `survivorId` as OF is assumed to: the merged contact's records move to the
 * survivor, the merged contact is marked `merged_into_contact_id`, and both contacts' updated_at
 * move and read `updated_by: "api"`. Repeating a merge that has been done changes nothing.
 */
export function mergeContacts(store: EntityStore, survivorId: string, mergedId: string): ContactMerge {
  const { survivor, merged } = checkedContacts(store, survivorId, mergedId);
  if (merged.merged_into_contact_id === survivorId) return { survivor, changed: [] };
  const moved = contactOwnedEntities.flatMap((entity) => moveRecords(store, entity, mergedId, survivorId));
  store.put('contact', mergedId, { merged_into_contact_id: survivorId, updated_by: 'api' });
  const { record } = store.put('contact', survivorId, { updated_by: 'api' });
  return {
    survivor: record,
    changed: [{ entity: 'contact', id: survivorId }, { entity: 'contact', id: mergedId }, ...moved],
  };
}

function checkedContacts(store: EntityStore, survivorId: string, mergedId: string): { survivor: ContactRecord; merged: ContactRecord } {
  if (survivorId === mergedId) throw new ContactMergeError(400, 'invalid_request', 'a contact cannot be merged into itself');
  const survivor = store.get('contact', survivorId);
  if (!survivor) throw new ContactMergeError(404, 'not_found', `no contact with id ${survivorId}`);
  const merged = store.get('contact', mergedId);
  if (!merged) throw new ContactMergeError(404, 'not_found', `no contact with id ${mergedId}`);
  if (survivor.merged_into_contact_id) {
    throw new ContactMergeError(409, 'conflict', `contact ${survivorId} has been merged into ${survivor.merged_into_contact_id}`);
  }
  if (merged.merged_into_contact_id && merged.merged_into_contact_id !== survivorId) {
    throw new ContactMergeError(409, 'conflict', `contact ${mergedId} has been merged into ${merged.merged_into_contact_id}`);
  }
  return { survivor, merged };
}

function moveRecords(
  store: EntityStore,
  entity: (typeof contactOwnedEntities)[number],
  fromContactId: string,
  toContactId: string,
): ChangedEntity[] {
  const ids = store
    .matching(entity, { contact_id: fromContactId })
    .map((record) => record.id)
    .sort();
  for (const id of ids) store.put(entity, id, { contact_id: toContactId });
  return ids.map((id) => ({ entity, id }));
}

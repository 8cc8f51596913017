import { personIdForOnlineFundraisingContact } from '../person/personFromOnlineFundraisingContact.js';
import type { Ids } from '../shared/Ids.js';
import type { ParentLink } from './MirrorRecord.js';
import type { MirroredEntity, OfSnapshot } from './OnlineFundraisingRecords.js';

/** The engine's id of a mirrored OF entity: the same OF entity always gets the same id. */
export function mirrorIdFor(ids: Ids, entity: MirroredEntity, ofId: string): string {
  return ids.fromKey(`onlinefundraising-${entity}:${ofId}`);
}

/** The parents an OF entity names, as links by engine id (whether or not they have arrived). */
export function parentsOf(snapshot: OfSnapshot, ids: Ids): ParentLink[] {
  const person = (contactId: string | undefined): ParentLink[] =>
    contactId ? [{ entity: 'person', id: personIdForOnlineFundraisingContact(ids, contactId) }] : [];
  const of = (entity: MirroredEntity, ofId: string | undefined): ParentLink[] =>
    ofId ? [{ entity, id: mirrorIdFor(ids, entity, ofId) }] : [];
  switch (snapshot.entity) {
    case 'agreement':
      return person(snapshot.record.contactId);
    case 'subscription':
      return of('agreement', snapshot.record.agreementId);
    case 'payment_method':
      return [...person(snapshot.record.contactId), ...of('agreement', snapshot.record.agreementId)];
    case 'payment': {
      const { contactId, agreementId, subscriptionId, paymentMethodId } = snapshot.record;
      return [...person(contactId), ...of('agreement', agreementId), ...of('subscription', subscriptionId), ...of('payment_method', paymentMethodId)];
    }
    case 'add_on':
      return [...of('agreement', snapshot.record.agreementId), ...of('subscription', snapshot.record.subscriptionId)];
    case 'data_set':
      return person(snapshot.record.contactId);
  }
}

/** Entities other records name as their parent; the rest (payments, add-ons, data sets) are leaves. */
const parentEntities: ReadonlySet<MirroredEntity> = new Set(['agreement', 'subscription', 'payment_method']);

/** Whether records may wait for this entity; nothing ever waits for a leaf. */
export function canBeParent(entity: MirroredEntity): boolean {
  return parentEntities.has(entity);
}

/** The person a record belongs to, if OF links it to a contact. */
export function personOf(parents: ParentLink[]): string | undefined {
  return parents.find((parent) => parent.entity === 'person')?.id;
}

import type { OnlineFundraisingContact } from '../person/OnlineFundraisingContact.js';
import type { Person } from '../person/Person.js';
import { personFromOnlineFundraisingContact, personIdForOnlineFundraisingContact } from '../person/personFromOnlineFundraisingContact.js';
import type { OnlineFundraisingContacts, PersonRepository } from '../person/ports.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import { NotFoundError } from '../shared/errors.js';
import { type ParkedSource, reviewIdFor } from './DuplicateReview.js';
import { candidateOf } from './IdentityCandidate.js';
import { markMergedAway } from './markMergedAway.js';
import type { DuplicateReviewStore } from './ports.js';
import { type ResolvePorts, resolveIdentity } from './resolveIdentity.js';
import { survivorOf } from './survivorOf.js';

export interface ContactIdentityPorts extends ResolvePorts {
  persons: PersonRepository;
  reviews: DuplicateReviewStore;
  onlineFundraising: OnlineFundraisingContacts;
  ids: Ids;
  clock: Clock;
}

/**
 * Where an OF contact's data goes: `person` — into this (active) person; `merged` — nowhere, the
 * contact was merged into another one in OF, whose person `personId` lives on; `parked` — it waits
 * for a reviewer's decision.
 */
export type ContactTarget = { kind: 'person'; personId: string } | { kind: 'merged'; personId: string } | { kind: 'parked'; reviewId: string };

/**
 * [OnlineFundraising1][OnlineFundraising13][CARE-Dedupe] Decides which person an OF contact is. A
 * contact seen before goes to its person (or that person's survivor). A new contact goes through the
 * resolver: nobody → a new person; one person → attached to them (and when that person has another
 * OF contact, the two are merged in OF, the survivor's contact living on); unclear → parked for review.
 */
export async function personForOnlineFundraisingContact(contact: OnlineFundraisingContact, ports: ContactIdentityPorts): Promise<ContactTarget> {
  const incomingId = personIdForOnlineFundraisingContact(ports.ids, contact.id);
  if (contact.mergedIntoContactId) return mergedInOnlineFundraising(contact, incomingId, contact.mergedIntoContactId, ports);
  const known = await survivorOf(incomingId, ports);
  if (known) return (await holdsContact(known, contact.id, ports)) ? { kind: 'person', personId: known } : { kind: 'merged', personId: known };
  const source: ParkedSource = { kind: 'onlinefundraising-contact', id: contact.id };
  const review = await ports.reviews.get(reviewIdFor(source));
  if (review?.value.status === 'open') return { kind: 'parked', reviewId: review.value.id };
  if (review?.value.decision?.kind === 'merge') return attach(contact, incomingId, review.value.decision.into, ports);
  const incoming = incomingPerson(contact, incomingId, ports);
  const resolution = await resolveIdentity(candidateOf(incoming), ports, incomingId);
  if (resolution.outcome === 'new') return { kind: 'person', personId: incomingId };
  if (resolution.outcome === 'match') return attach(contact, incomingId, resolution.personId, ports);
  const reviewId = reviewIdFor(source);
  await ports.reviews.create({
    id: reviewId,
    status: 'open',
    source,
    incomingPersonId: incomingId,
    candidate: candidateOf(incoming),
    matches: resolution.personIds,
    ruleIds: resolution.ruleIds,
    openedAt: ports.clock.now().toISOString(),
  });
  return { kind: 'parked', reviewId };
}

/** The contact's data goes to a person who holds the contact as their OF link, or is that contact's own person. */
async function holdsContact(personId: string, contactId: string, ports: ContactIdentityPorts): Promise<boolean> {
  const stored = await ports.persons.get(personId);
  return !stored?.value.onlineFundraising || stored.value.onlineFundraising.contactId === contactId;
}

/**
 * One person found. If they are in OF under another contact, OF merges the incoming contact into
 * theirs (OF then reports the survivor contact's new state itself). Otherwise the person takes the
 * contact as their OF link. Either way the incoming contact's own person is merged away into them.
 */
async function attach(contact: OnlineFundraisingContact, incomingId: string, intoId: string, ports: ContactIdentityPorts): Promise<ContactTarget> {
  const survivor = await survivorOf(intoId, ports);
  if (!survivor) throw new NotFoundError(`person ${intoId} to attach OF contact ${contact.id} to does not exist`);
  const survivorContact = (await ports.persons.get(survivor))?.value.onlineFundraising?.contactId;
  if (survivorContact && survivorContact !== contact.id) {
    await ports.onlineFundraising.mergeContacts(survivorContact, contact.id);
    await markMergedAway(incomingPerson(contact, incomingId, ports), survivor, ports);
    return { kind: 'merged', personId: survivor };
  }
  await markMergedAway(incomingPerson(contact, incomingId, ports), survivor, ports);
  return { kind: 'person', personId: survivor };
}

/** OF says the contact was merged into another (by the engine, or by staff in OF): its person follows. */
async function mergedInOnlineFundraising(contact: OnlineFundraisingContact, incomingId: string, intoContactId: string, ports: ContactIdentityPorts): Promise<ContactTarget> {
  const survivor = await survivorOf(personIdForOnlineFundraisingContact(ports.ids, intoContactId), ports);
  // Retried from the queue until the surviving contact has been synchronised.
  if (!survivor) throw new NotFoundError(`OF merged contact ${contact.id} into ${intoContactId}, which the engine does not hold yet`);
  if (survivor !== incomingId) await markMergedAway(incomingPerson(contact, incomingId, ports), survivor, ports);
  return { kind: 'merged', personId: survivor };
}

function incomingPerson(contact: OnlineFundraisingContact, personId: string, ports: ContactIdentityPorts): Person {
  return personFromOnlineFundraisingContact(contact, { personId, ids: ports.ids, now: ports.clock.now() });
}

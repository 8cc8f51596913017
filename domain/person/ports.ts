import type { ContactChanges } from './ContactChanges.js';
import type { WholeContactChanges } from './ContactChanges.js';
import type { OnlineFundraisingContact } from './OnlineFundraisingContact.js';
import type { Person } from './Person.js';
import type { ContactChannel } from './invalidContact.js';

/** Port: reads contacts from OnlineFundraising's API (the state there is the truth). */
export interface OnlineFundraisingContacts {
  /** Resolves null when OF does not know the contact. */
  getContact(contactId: string): Promise<OnlineFundraisingContact | null>;
  /**
   * [OnlineFundraising13] Has OF merge `mergedContactId` into `survivorContactId`: OF moves the merged
   * contact's agreements, payment methods, payments and data sets to the survivor, and from then on
   * reads the merged contact as merged into it (`mergedIntoContactId`). Repeating it is harmless.
   */
  mergeContacts(survivorContactId: string, mergedContactId: string): Promise<void>;
  /** [OnlineFundraising12] Writes master data changed elsewhere (in the CRM) onto the OF contact. */
  updateContact(contactId: string, changes: WholeContactChanges): Promise<void>;
}

/** A stored document with the version tag the store uses for optimistic concurrency. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

/** Port: the engine's own store of persons. Writes are conditional; nothing overwrites blindly. */
export interface PersonRepository {
  get(id: string): Promise<Versioned<Person> | null>;
  /** 'exists' when a person with that id was created meanwhile. */
  create(person: Person): Promise<'created' | 'exists'>;
  /** 'stale' when the stored person changed since `etag` was read. */
  replace(person: Person, etag: string): Promise<'replaced' | 'stale'>;
  /** Active persons with a mark on this channel (the caller checks the mark still applies), a page at a time. */
  findFlaggedInvalid(channel: ContactChannel, page: { pageSize: number; continuationToken?: string }): Promise<{ items: Person[]; continuationToken?: string }>;
  /** The ids of the persons merged straight into this one (not those merged into them). */
  findMergedInto(personId: string): Promise<string[]>;
  /** Every person, merged-away ones included, a page at a time (in no particular order). */
  listAll(page: { pageSize: number; continuationToken?: string }): Promise<{ items: Person[]; continuationToken?: string }>;
}

/** Port: the CRM (Dynamics 365). Upserts by the person's id, so repeating a write is harmless. */
export interface CrmPersons {
  upsertPerson(person: Person): Promise<void>;
  /**
   * [OnlineFundraising13] Merges the CRM contact of `mergedPersonId` into that of `survivorPersonId`
   * as the CRM does it (Dataverse's Merge action: the merged contact is deactivated, its related rows
   * move to the survivor). Repeating it is harmless.
   */
  mergePersons(survivorPersonId: string, mergedPersonId: string): Promise<void>;
}

/** Port: a contact's master data as the CRM holds it now (for a change Dataverse reported without its columns). */
export interface CrmContactReader {
  masterDataOf(personId: string): Promise<ContactChanges | null>;
}

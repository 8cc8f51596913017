import type { MirroredEntity, OfSnapshot } from './OnlineFundraisingRecords.js';
import type { Versioned } from '../person/ports.js';
import type { MirrorRecord, ParentLink } from './MirrorRecord.js';

/** Port: reads OF's non-contact entities from its API (the state there is the truth). */
export interface OnlineFundraisingRecords {
  /** Resolves null when OF does not know the entity. */
  get(entity: MirroredEntity, id: string): Promise<OfSnapshot | null>;
}

/** Port: the engine's mirror of OF entities. Writes are conditional, as for persons. */
export interface MirrorRepository {
  get(id: string): Promise<Versioned<MirrorRecord> | null>;
  create(record: MirrorRecord): Promise<'created' | 'exists'>;
  replace(record: MirrorRecord, etag: string): Promise<'replaced' | 'stale'>;
  /** Records still waiting for the parent with this id. */
  findWaitingFor(parentId: string): Promise<Versioned<MirrorRecord>[]>;
  /** The records of one entity that belong to a person (e.g. all their agreements). */
  findOfPerson(personId: string, entity: MirroredEntity): Promise<MirrorRecord[]>;
  /** Every record that belongs to a person, with versions (to move them to a survivor). */
  findAllOfPerson(personId: string): Promise<Versioned<MirrorRecord>[]>;
  /** Up to `limit` records whose change the CRM has not got yet, oldest change first. */
  findCrmPending(limit: number): Promise<Versioned<MirrorRecord>[]>;
}

/** Port: whether a parent (a person or a mirrored record) is in the engine yet. */
export interface ParentDirectory {
  exists(parent: ParentLink): Promise<boolean>;
  /** The active person behind a person id (its survivor when it was merged away); undefined when unknown. */
  activePersonOf(personId: string): Promise<string | undefined>;
  /** [GDPR1] Whether the person is anonymised (or being anonymised): their records are then kept without personal fields. */
  isAnonymised(personId: string): Promise<boolean>;
}

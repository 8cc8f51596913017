import type { MirroredEntity, OfSnapshot } from './OnlineFundraisingRecords.js';

/** A link to a parent record by the engine's id; persons are parents of most OF entities. */
export interface ParentLink {
  entity: 'person' | MirroredEntity;
  id: string;
}

/**
 * Where the record stands with the CRM. A change sets `pending`; the projector writes pending
 * records in batches and clears it, so many changes between two runs become one write.
 */
export interface CrmProjectionState {
  pending: boolean;
  /** Instant the record became pending; the projector takes the oldest first. */
  pendingSince?: string;
  /** Fingerprint of what was last written; an unchanged projection is not written again. */
  writtenHash?: string;
  writtenAt?: string;
  lastError?: string;
}

/**
 * The engine's copy of one OF entity. Relations are kept as links by engine id, which are known
 * before the parent itself has arrived; `waitingFor` lists the parents not in the engine yet, and
 * is emptied as they arrive. Instants are UTC, ISO 8601.
 */
export interface MirrorRecord<S extends OfSnapshot = OfSnapshot> {
  id: string;
  entity: S['entity'];
  ofId: string;
  /** OF's last-modified instant of the data held. */
  ofUpdatedAt: string;
  /** The person the record belongs to, when OF links it to a contact. */
  personId?: string;
  parents: ParentLink[];
  waitingFor: string[];
  record: S['record'];
  crm?: CrmProjectionState;
  createdAt: string;
  updatedAt: string;
}

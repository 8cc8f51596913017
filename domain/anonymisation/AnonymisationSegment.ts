import type { Actor } from '../shared/Actor.js';
import type { AnonymisationReason } from './Anonymisation.js';
import type { SegmentCriteria } from './SegmentCriteria.js';

/**
 * [GDPR1] A confirmed segment anonymisation: the criteria, the persons they took when staff confirmed
 * the count (frozen, so the run does what was confirmed), and how far the run got (`done` persons
 * from the start of the list), so a crashed run resumes where it was.
 */
export interface AnonymisationSegment {
  id: string;
  criteria: SegmentCriteria;
  personIds: string[];
  reason: AnonymisationReason;
  note?: string;
  requestedOn: string;
  requestedBy: Actor;
  confirmedAt: string;
  done: number;
  /** Persons skipped because they were anonymised (or merged) meanwhile. */
  skipped: number;
}

/** The most persons one confirmation takes (the frozen list lives in one document); narrow the criteria for more. */
export const maxSegmentSize = 40_000;

/** Port: confirmed segments. Writes are create-once or ETag-conditional. */
export interface AnonymisationSegmentStore {
  get(id: string): Promise<{ value: AnonymisationSegment; etag: string } | null>;
  save(segment: AnonymisationSegment, etag?: string): Promise<'saved' | 'stale'>;
}

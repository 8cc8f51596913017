import type { Versioned } from '../person/ports.js';
import type { DuplicateReview } from './DuplicateReview.js';
import type { IdentityReindex } from './IdentityReindex.js';
import type { MatchRuleTable } from './MatchRule.js';

/**
 * Port: which persons have which match keys. Looked up by key (a point read per key, never a scan),
 * so resolving stays fast with a million people.
 */
export interface IdentityIndex {
  /** The persons indexed under each key (keys with none are left out). */
  lookup(keys: string[]): Promise<Map<string, string[]>>;
  /** Indexes the person under exactly these keys: added where new, removed where gone. */
  indexPerson(personId: string, keys: string[]): Promise<void>;
}

/** Port: the duplicate rules staff maintain (read on every use, so a change takes effect at once). */
export interface MatchRuleStore {
  get(id: string): Promise<Versioned<MatchRuleTable> | null>;
  /** Without `etag` only creates; with it replaces only if unchanged. */
  save(table: MatchRuleTable, etag?: string): Promise<'saved' | 'stale'>;
}

/** Port: pairs of persons a reviewer said are not the same; never proposed again. */
export interface NotDuplicateRegister {
  isMarked(personA: string, personB: string): Promise<boolean>;
  mark(personA: string, personB: string, decision: { by: string; at: string }): Promise<void>;
}

/** Port: duplicate review cases. Writes are ETag-conditional like persons. */
export interface DuplicateReviewStore {
  get(id: string): Promise<Versioned<DuplicateReview> | null>;
  create(review: DuplicateReview): Promise<'created' | 'exists'>;
  replace(review: DuplicateReview, etag: string): Promise<'replaced' | 'stale'>;
  /** Open cases, oldest first. */
  findOpen(limit: number): Promise<Versioned<DuplicateReview>[]>;
}

/** Port: progress of re-indexing persons after the duplicate rules changed. */
export interface IdentityReindexStore {
  get(id: string): Promise<Versioned<IdentityReindex> | null>;
  /** Without `etag` only creates; with it replaces only if unchanged. */
  save(state: IdentityReindex, etag?: string): Promise<'saved' | 'stale'>;
}

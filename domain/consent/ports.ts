import type { Versioned } from '../person/ports.js';
import type { ConsentEntry } from './ConsentEntry.js';
import type { ConsentTopicTable } from './ConsentTopic.js';
import type { TeamLimitTable } from './TeamLimit.js';

/** Port: the append-only consent log. There is no update and no delete. */
export interface ConsentLog {
  /** 'exists' when an entry with this id was recorded before (the same event again). */
  append(entry: ConsentEntry): Promise<'appended' | 'exists'>;
  /** The person's whole log, in no particular order. */
  entriesOf(personId: string): Promise<ConsentEntry[]>;
}

/** Port: the consent topics staff maintain. */
export interface ConsentTopicStore {
  get(id: string): Promise<Versioned<ConsentTopicTable> | null>;
  /** Without `etag` only creates; with it replaces only if unchanged. */
  save(table: ConsentTopicTable, etag?: string): Promise<'saved' | 'stale'>;
}

/** Port: which people each team may target. */
export interface TeamLimitStore {
  get(id: string): Promise<Versioned<TeamLimitTable> | null>;
  /** Without `etag` only creates; with it replaces only if unchanged. */
  save(table: TeamLimitTable, etag?: string): Promise<'saved' | 'stale'>;
}

import type { Versioned } from '../person/ports.js';
import type { ContactPoints, StopListEntry } from './StopListEntry.js';

export interface StopListPage {
  entries: StopListEntry[];
  /** Pass back to get the next page; absent on the last page. */
  continuationToken?: string;
}

/** Port: [StopList] the "never contact" list. Entries stand alone, not linked to person records. */
export interface StopList {
  add(entry: StopListEntry): Promise<void>;
  /** Replaces the entry only if unchanged since it was read with `etag`. */
  replace(entry: StopListEntry, etag: string): Promise<'replaced' | 'stale'>;
  /** Whether there was such an entry. */
  remove(id: string): Promise<boolean>;
  get(id: string): Promise<Versioned<StopListEntry> | null>;
  /** The entries whose phone or email is one of these (given normalised, as entries hold them). */
  findByContact(contact: ContactPoints): Promise<StopListEntry[]>;
  /** Newest first. */
  list(page: { pageSize: number; continuationToken?: string }): Promise<StopListPage>;
}

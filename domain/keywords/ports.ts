import type { Versioned } from '../person/ports.js';
import type { SmsKeywordTable } from './SmsKeyword.js';

/** Port: the SMS keyword table, one document replaced as a whole. */
export interface SmsKeywordStore {
  get(id: string): Promise<Versioned<SmsKeywordTable> | null>;
  /** Without `etag` only creates; with it replaces only if unchanged. */
  save(table: SmsKeywordTable, etag?: string): Promise<'saved' | 'stale'>;
}

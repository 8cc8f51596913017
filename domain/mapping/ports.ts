import type { Versioned } from '../person/ports.js';
import type { FieldMappingTable } from './FieldMapping.js';

/** Port: where the mapping table is kept; read on every use, so a change takes effect at once. */
export interface FieldMappingStore {
  get(id: string): Promise<Versioned<FieldMappingTable> | null>;
  /** Without `etag` only creates; with it replaces only if unchanged. */
  save(table: FieldMappingTable, etag?: string): Promise<'saved' | 'stale'>;
}

export const contactFieldMappingsId = 'onlinefundraising-contact';

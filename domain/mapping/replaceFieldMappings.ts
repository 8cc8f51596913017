import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import type { FieldMapping, FieldMappingTable } from './FieldMapping.js';
import { type FieldMappingStore, contactFieldMappingsId } from './ports.js';

/** [CARE-Mapping] Staff replace the contact mapping table; the next contact synced uses it, no deploy. */
export async function replaceFieldMappings(rules: FieldMapping[], ports: { fieldMappings: FieldMappingStore; clock: Clock }): Promise<FieldMappingTable> {
  const table: FieldMappingTable = { id: contactFieldMappingsId, rules, updatedAt: ports.clock.now().toISOString() };
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.fieldMappings.get(contactFieldMappingsId);
    if ((await ports.fieldMappings.save(table, stored?.etag)) === 'saved') return table;
  }
  throw new ConcurrencyConflictError('the mapping table changed concurrently 5 times in a row');
}

export async function getFieldMappings(ports: { fieldMappings: FieldMappingStore }): Promise<FieldMappingTable> {
  const stored = await ports.fieldMappings.get(contactFieldMappingsId);
  return stored?.value ?? { id: contactFieldMappingsId, rules: [], updatedAt: new Date(0).toISOString() };
}

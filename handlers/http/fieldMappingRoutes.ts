import { Hono } from 'hono';
import { z } from 'zod';
import { fieldTypes } from '../../domain/mapping/FieldMapping.js';
import type { FieldMappingStore } from '../../domain/mapping/ports.js';
import { getFieldMappings, replaceFieldMappings } from '../../domain/mapping/replaceFieldMappings.js';
import type { Clock } from '../../domain/shared/Clock.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest } from './problem.js';

const columnName = z.string().regex(/^[a-z][a-z0-9_]{0,99}$/, 'a Dataverse column logical name (lower case, a-z 0-9 _)');
export const mappingTableBody = z.object({
  rules: z.array(z.object({ sourceField: z.string().min(1).max(100), target: columnName, type: z.enum(fieldTypes), form: z.string().min(1).max(100).optional() })).max(500),
});

/** [CARE-Mapping] GET/PUT /admin/field-mappings: the contact mapping table, changed without a deploy. */
export function fieldMappingRoutes(deps: { fieldMappings: FieldMappingStore; clock: Clock }): Hono {
  return new Hono()
    .get('/', async (c) => c.json(await getFieldMappings(deps)))
    .put('/', async (c) => {
      const body = mappingTableBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await replaceFieldMappings(body.data.rules, deps));
    });
}

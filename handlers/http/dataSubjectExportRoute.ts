import { Hono } from 'hono';
import { type DataSubjectExportPorts, dataSubjectExport } from '../../domain/person/dataSubjectExport.js';
import { engineId, pathParams } from './pathParams.js';

/**
 * [KomMed-GDPR] GET /admin/persons/{id}/export: everything the engine holds about the person, as one
 * JSON document to hand to them (a data-subject access request). Audited as an export.
 */
export function dataSubjectExportRoute(deps: DataSubjectExportPorts): Hono {
  return new Hono().get('/:id/export', pathParams({ id: engineId }), async (c) => {
    const document = await dataSubjectExport(c.req.param('id'), deps);
    return c.json(document, 200, { 'content-disposition': `attachment; filename="person-${document.personId}.json"` });
  });
}

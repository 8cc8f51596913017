import { Hono } from 'hono';
import type { FormSubmissionRecords } from '../../domain/forms/ports.js';
import { engineId, pathParams } from './pathParams.js';

/** [OnlineFundraising15] GET /admin/persons/{id}/form-submissions: the forms a person filled in, every field, oldest first. */
export function formSubmissionRoutes(deps: { formSubmissions: FormSubmissionRecords }): Hono {
  return new Hono().get('/:id/form-submissions', pathParams({ id: engineId }), async (c) => c.json({ submissions: await deps.formSubmissions.ofPerson(c.req.param('id')) }));
}

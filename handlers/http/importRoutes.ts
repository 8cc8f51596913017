import { Hono } from 'hono';
import { z } from 'zod';
import { MalformedCsvError, parseCsv } from '../../adapters/csv/parseCsv.js';
import { importSubmissions } from '../../domain/forms/importSubmissions.js';
import type { DrupalFormStore } from '../../domain/forms/ports.js';
import type { WorkQueue } from '../../domain/messaging/WorkItem.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Ids } from '../../domain/shared/Ids.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { invalidRequest, problem } from './problem.js';

export interface ImportRouteDeps {
  formImports: WorkQueue;
  drupalForms: DrupalFormStore;
  ids: Ids;
  clock: Clock;
  logger: Logger;
}

export const importQuery = z.object({ formId: z.string().regex(/^[a-z0-9_]{1,64}$/, 'a configured form id') });

/**
 * [OnlineFundraising15][Leadflow] POST /admin/imports/signatures?formId=…, body a CSV file (Playable's
 * export: first_name, last_name, email, phone, signed_at, and any other columns): its rows are
 * queued to take the same path as the form's web submissions (202). [NFR-Input] A file that is no
 * CSV, lacks a column, or has a bad row is refused with 400 (every bad row by line) and nothing is
 * queued.
 */
export function importRoutes(deps: ImportRouteDeps): Hono {
  return new Hono().post('/signatures', async (c) => {
    const query = importQuery.safeParse(c.req.query());
    if (!query.success) return invalidRequest(c, query.error, 'query');
    const content = await c.req.text();
    let parsed: ReturnType<typeof parseCsv>;
    try {
      parsed = parseCsv(content);
    } catch (error) {
      if (!(error instanceof MalformedCsvError)) throw error;
      deps.logger.warn('signature import refused: not CSV', { formId: query.data.formId, line: error.line ?? 0 });
      return problem(c, 400, 'malformed_csv', error.message, undefined, error.line !== undefined ? { line: error.line } : undefined);
    }
    const report = await importSubmissions({ formId: query.data.formId, content, ...parsed }, deps);
    deps.logger.info('signature import accepted', { formId: query.data.formId, importId: report.importId, accepted: report.accepted, rejected: report.rejected.length });
    return c.json(report, 202);
  });
}

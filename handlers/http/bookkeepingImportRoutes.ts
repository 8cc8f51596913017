import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { campaignImportRows } from '../../adapters/csv/campaignImportRows.js';
import { MalformedCsvError } from '../../adapters/csv/parseCsv.js';
import { paymentImportRows } from '../../adapters/csv/paymentImportRows.js';
import { importSources } from '../../domain/bookkeeping/LedgerPayment.js';
import { type ImportPaymentsPorts, importPayments } from '../../domain/bookkeeping/importPayments.js';
import type { CampaignCatalogue } from '../../domain/bookkeeping/ports.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { ImportRejectedError } from '../../domain/shared/errors.js';
import { campaignCode } from './campaignRoutes.js';
import { invalidRequest, problem } from './problem.js';

export interface BookkeepingImportDeps extends ImportPaymentsPorts {
  campaigns: CampaignCatalogue;
  logger: Logger;
}

export const paymentQuery = z.object({ source: z.enum(importSources), campaignCode: campaignCode.optional() });


/**
 * POST /admin/imports/payments?source=invoice|bank_transfer|mobilepay_business[&campaignCode=]:
 * [BetalingUdenomOF][Rapportering3] a CSV of payments made outside OF enters the ledger (a row
 * imported before is skipped). [NFR-Input] Either file is taken whole or not at all: one bad row
 * refuses it (400, every bad row by line). POST /admin/imports/campaigns:
 * [Kampagnemodel] a CSV of campaigns with their dimensions.
 */
export function bookkeepingImportRoutes(deps: BookkeepingImportDeps): Hono {
  return new Hono()
    .post('/payments', async (c) => {
      const query = paymentQuery.safeParse(c.req.query());
      if (!query.success) return invalidRequest(c, query.error, 'query');
      const parsed = await readFile(c, paymentImportRows, deps.logger);
      if (parsed instanceof Response) return parsed;
      if (parsed.problems.length > 0) throw new ImportRejectedError(parsed.problems);
      const outcome = await importPayments(query.data.source, parsed.rows, query.data.campaignCode, deps);
      deps.logger.info('payments imported', { source: query.data.source, ...outcome });
      return c.json({ source: query.data.source, ...outcome, rejected: [] }, 200);
    })
    .post('/campaigns', async (c) => {
      const parsed = await readFile(c, (text) => campaignImportRows(text, deps.clock.now().toISOString()), deps.logger);
      if (parsed instanceof Response) return parsed;
      if (parsed.problems.length > 0) throw new ImportRejectedError(parsed.problems);
      for (const campaign of parsed.campaigns) await deps.campaigns.save(campaign);
      deps.logger.info('campaigns imported', { saved: parsed.campaigns.length });
      return c.json({ saved: parsed.campaigns.length, rejected: [] }, 200);
    });
}

async function readFile<T>(c: Context, read: (text: string) => T, logger: Logger): Promise<T | Response> {
  const content = await c.req.text();
  try {
    return read(content);
  } catch (error) {
    if (!(error instanceof MalformedCsvError)) throw error;
    logger.warn('import refused: not CSV', { path: c.req.path, line: error.line ?? 0 });
    return problem(c, 400, 'malformed_csv', error.message, undefined, error.line !== undefined ? { line: error.line } : undefined);
  }
}

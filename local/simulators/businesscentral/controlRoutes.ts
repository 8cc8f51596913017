import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { addCommonControlRoutes } from '../shared/commonControlRoutes.js';
import { jsonBody } from '../shared/jsonBody.js';
import type { SimulatorControl } from './SimulatorControl.js';

const accountsSchema = z.array(
  z.object({
    number: z.string().min(1).max(20),
    displayName: z.string().max(100),
    category: z.enum(['Assets', 'Liabilities', 'Equity', 'Income', 'CostOfGoodsSold', 'Expense']).optional(),
    blocked: z.boolean().optional(),
  }),
);
const dimensionsSchema = z.array(
  z.object({
    code: z.string().min(1).max(20),
    displayName: z.string().max(30),
    values: z.array(z.string().min(1).max(20)).optional(),
  }),
);
const limitsSchema = z
  .object({
    requestsPerMinute: z.number().int().positive(),
    maxConcurrentRequests: z.number().int().positive(),
    maxConnections: z.number().int().positive(),
  })
  .partial();
const pageSizeSchema = z.object({ maxPageSize: z.number().int().positive() });

/** `/_sim/…`: the control API, not part of BC, never logged, never faulted or throttled (see README.md). */
export function controlRoutes(control: SimulatorControl): Hono {
  const sim = new Hono();

  addCommonControlRoutes(sim, control, invalidBody);

  sim.get('/journal-lines', (c) => c.json({ journalLines: control.journalLines(c.req.query('journal')) }));
  sim.get('/posted-journal-lines', (c) => c.json({ journalLines: control.postedJournalLines() }));
  sim.get('/general-ledger-entries', (c) => c.json({ generalLedgerEntries: control.generalLedgerEntries(c.req.query('documentNumber')) }));
  sim.post('/journals/:code/post', (c) => {
    const posted = control.postJournal(c.req.param('code'));
    return posted ? c.json({ journalLines: posted }) : controlError(c, 404, 'not_found', `no journal '${c.req.param('code')}'`);
  });

  sim.get('/accounts', (c) => c.json({ accounts: control.accounts() }));
  sim.put('/accounts', async (c) => {
    const accounts = accountsSchema.safeParse(await jsonBody(c));
    if (!accounts.success) return invalidBody(accounts.error, c);
    control.setAccounts(accounts.data);
    return c.json({ accounts: control.accounts() });
  });

  sim.get('/dimensions', (c) => c.json({ dimensions: control.dimensions() }));
  sim.put('/dimensions', async (c) => {
    const dimensions = dimensionsSchema.safeParse(await jsonBody(c));
    if (!dimensions.success) return invalidBody(dimensions.error, c);
    control.setDimensions(dimensions.data);
    return c.json({ dimensions: control.dimensions() });
  });

  sim.get('/limits', (c) => c.json(control.limits()));
  sim.put('/limits', async (c) => {
    const limits = limitsSchema.safeParse(await jsonBody(c));
    if (!limits.success) return invalidBody(limits.error, c);
    return c.json(control.setLimits(limits.data));
  });

  sim.put('/page-size', async (c) => {
    const pageSize = pageSizeSchema.safeParse(await jsonBody(c));
    if (!pageSize.success) return invalidBody(pageSize.error, c);
    control.setMaxPageSize(pageSize.data.maxPageSize);
    return c.json({ maxPageSize: control.maxPageSize });
  });

  sim.post('/tokens/expire', (c) => {
    control.expireTokens();
    return c.body(null, 204);
  });

  return sim;
}

function invalidBody(error: z.ZodError, c: Context): Response {
  return controlError(c, 400, 'invalid_body', z.prettifyError(error));
}

/** The control API's own errors, shaped like the other simulators': `{ "error": { code, message } }`. */
function controlError(c: Context, status: 400 | 404, code: string, message: string): Response {
  return c.json({ error: { code, message } }, status);
}

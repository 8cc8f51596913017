import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { faultRuleSchema } from '../shared/faults.js';
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

  sim.post('/reset', (c) => {
    control.reset();
    return c.body(null, 204);
  });

  sim.get('/journal-lines', (c) => c.json({ journalLines: control.journalLines(c.req.query('journal')) }));
  sim.get('/posted-journal-lines', (c) => c.json({ journalLines: control.postedJournalLines() }));
  sim.get('/general-ledger-entries', (c) => c.json({ generalLedgerEntries: control.generalLedgerEntries(c.req.query('documentNumber')) }));
  sim.post('/journals/:code/post', (c) => {
    const posted = control.postJournal(c.req.param('code'));
    return posted ? c.json({ journalLines: posted }) : controlError(c, 404, 'not_found', `no journal '${c.req.param('code')}'`);
  });

  sim.get('/accounts', (c) => c.json({ accounts: control.accounts() }));
  sim.put('/accounts', async (c) => {
    const accounts = accountsSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!accounts.success) return invalidBody(c, accounts.error);
    control.setAccounts(accounts.data);
    return c.json({ accounts: control.accounts() });
  });

  sim.get('/dimensions', (c) => c.json({ dimensions: control.dimensions() }));
  sim.put('/dimensions', async (c) => {
    const dimensions = dimensionsSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!dimensions.success) return invalidBody(c, dimensions.error);
    control.setDimensions(dimensions.data);
    return c.json({ dimensions: control.dimensions() });
  });

  sim.get('/faults', (c) => c.json({ faults: control.faults.pending() }));
  sim.post('/faults', async (c) => {
    const rule = faultRuleSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!rule.success) return invalidBody(c, rule.error);
    control.injectFault(rule.data);
    return c.json({ faults: control.faults.pending() }, 201);
  });
  sim.delete('/faults', (c) => {
    control.clearFaults();
    return c.body(null, 204);
  });

  sim.get('/limits', (c) => c.json(control.limits()));
  sim.put('/limits', async (c) => {
    const limits = limitsSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!limits.success) return invalidBody(c, limits.error);
    return c.json(control.setLimits(limits.data));
  });

  sim.put('/page-size', async (c) => {
    const pageSize = pageSizeSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!pageSize.success) return invalidBody(c, pageSize.error);
    control.setMaxPageSize(pageSize.data.maxPageSize);
    return c.json({ maxPageSize: control.maxPageSize });
  });

  sim.post('/tokens/expire', (c) => {
    control.expireTokens();
    return c.body(null, 204);
  });

  sim.get('/requests', (c) => c.json({ requests: control.requests() }));
  sim.delete('/requests', (c) => {
    control.clearRequests();
    return c.body(null, 204);
  });

  return sim;
}

function invalidBody(c: Context, error: z.ZodError): Response {
  return controlError(c, 400, 'invalid_body', z.prettifyError(error));
}

/** The control API's own errors, shaped like the other simulators': `{ "error": { code, message } }`. */
function controlError(c: Context, status: 400 | 404, code: string, message: string): Response {
  return c.json({ error: { code, message } }, status);
}

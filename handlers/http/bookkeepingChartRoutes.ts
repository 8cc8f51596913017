import { Hono } from 'hono';
import { z } from 'zod';
import { importSources, ledgerChannels } from '../../domain/bookkeeping/LedgerPayment.js';
import { currentBookkeepingChart, replaceBookkeepingChart } from '../../domain/bookkeeping/currentBookkeepingChart.js';
import type { BookkeepingChartStore } from '../../domain/bookkeeping/ports.js';
import type { Clock } from '../../domain/shared/Clock.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest } from './problem.js';

const accountNumber = z.string().regex(/^[A-Za-z0-9-]{1,20}$/, 'a G/L account number (at most 20 letters, digits or -)');
const businessDate = z.iso.date();
const account = z.object({ number: accountNumber, description: z.string().min(1).max(100) });

export const chartBody = z
  .object({
    accounts: z.array(account).min(1).max(500),
    accountByAgreementKind: z.object({ membership: accountNumber, regular_support: accountNumber, one_off: accountNumber }),
    contraAccounts: z.array(account.extend({ channel: z.enum(ledgerChannels) })).min(1).max(50),
    importPolicies: z.array(z.object({ source: z.enum(importSources), posting: z.enum(['to_post', 'already_posted']), channel: z.enum(ledgerChannels) })).max(10),
    ledgerOpensOn: businessDate,
  })
  .refine((chart) => new Set(chart.accounts.map((each) => each.number)).size === chart.accounts.length, { message: 'each account number once', path: ['accounts'] })
  .refine((chart) => new Set(chart.contraAccounts.map((each) => each.channel)).size === chart.contraAccounts.length, { message: 'each channel once', path: ['contraAccounts'] })
  .refine((chart) => Object.values(chart.accountByAgreementKind).every((number) => chart.accounts.some((each) => each.number === number)), {
    message: 'every account named must be in accounts',
    path: ['accountByAgreementKind'],
  });

/**
 * [Bogføring] GET/PUT /admin/bookkeeping/chart: the accounts, the contra account of each payment
 * channel, how imported payments are booked, and the date the engine's ledger opens. `saved` is
 * false while the defaults apply (no posting run starts until finance saves the chart).
 */
export function bookkeepingChartRoutes(deps: { chart: BookkeepingChartStore; clock: Clock }): Hono {
  return new Hono()
    .get('/', async (c) => {
      const { chart, saved } = await currentBookkeepingChart(deps);
      return c.json({ ...chart, saved });
    })
    .put('/', async (c) => {
      const body = chartBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json({ ...(await replaceBookkeepingChart(body.data, deps)), saved: true });
    });
}

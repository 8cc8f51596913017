import { Hono } from 'hono';
import { z } from 'zod';
import type { StartJobPorts } from '../../domain/jobs/startJobRun.js';
import { actorReference } from '../../domain/shared/Actor.js';
import type { Clock } from '../../domain/shared/Clock.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import type { TaxStatements, TaxYearRulesStore } from '../../domain/taxreport/ports.js';
import { saveTaxYearRules } from '../../domain/taxreport/saveTaxYearRules.js';
import { startTaxYearRun } from '../../domain/taxreport/startTaxYearRun.js';
import { taxStatementId } from '../../domain/taxreport/TaxStatement.js';
import { taxYearRulesId } from '../../domain/taxreport/TaxYearRules.js';
import { actorOf } from './access/staffOf.js';
import { parseJsonBody } from './parseJsonBody.js';
import { engineId, externalKey, pathParams } from './pathParams.js';
import { invalidRequest } from './problem.js';

const ore = z.number().int().min(0);
const year = z.coerce.number().int().min(2000).max(2100);
const limits = { deductionLimitOre: ore, minimumReportedOre: ore };

export const taxYearRulesBody = z.strictObject({
  gifts: z.strictObject(limits),
  ongoing: z.strictObject({ ...limits, campaignCodes: z.array(externalKey).max(200) }),
  membershipFeeOre: ore,
  excludedCampaignCodes: z.array(externalKey).max(200),
});

export type TaxReportRouteDeps = StartJobPorts & { rules: TaxYearRulesStore; statements: TaxStatements; clock: Clock };

/**
 * [Skatteindberetning] /admin/tax-report/{year}: the income year's rules (GET, PUT /rules: limits,
 * least reported totals, § 12 campaign codes, membership fee, excluded codes), the yearly computation
 * (POST /runs: a job, 202) and a giver's statement (GET /statements/{personId}).
 */
export function taxReportRoutes(deps: TaxReportRouteDeps): Hono {
  return new Hono()
    .get('/:year/rules', pathParams({ year }), async (c) => {
      const stored = await deps.rules.get(taxYearRulesId(Number(c.req.param('year'))));
      if (!stored) throw new NotFoundError(`no rules for ${c.req.param('year')}`);
      return c.json(stored.value);
    })
    .put('/:year/rules', pathParams({ year }), async (c) => {
      const body = taxYearRulesBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await saveTaxYearRules({ ...body.data, year: Number(c.req.param('year')) }, actorReference(actorOf(c)), deps));
    })
    .post('/:year/runs', pathParams({ year }), async (c) => c.json(await startTaxYearRun(Number(c.req.param('year')), actorReference(actorOf(c)), deps), 202))
    .get('/:year/statements/:personId', pathParams({ year, personId: engineId }), async (c) => {
      const stored = await deps.statements.get(taxStatementId(Number(c.req.param('year')), c.req.param('personId')));
      if (!stored) throw new NotFoundError(`no statement of ${c.req.param('personId')} for ${c.req.param('year')}`);
      return c.json(stored.value);
    });
}

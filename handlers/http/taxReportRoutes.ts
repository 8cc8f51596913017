import { Hono } from 'hono';
import { z } from 'zod';
import type { StartJobPorts } from '../../domain/jobs/startJobRun.js';
import { actorReference } from '../../domain/shared/Actor.js';
import type { Clock } from '../../domain/shared/Clock.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import type { TaxReporterStore, TaxReportMarkers, TaxStatements, TaxYearRulesStore } from '../../domain/taxreport/ports.js';
import { saveTaxReporter } from '../../domain/taxreport/saveTaxReporter.js';
import { saveTaxYearRules } from '../../domain/taxreport/saveTaxYearRules.js';
import { type StartTaxDeliveryPorts, startTaxDelivery } from '../../domain/taxreport/startTaxDelivery.js';
import { startTaxYearRun } from '../../domain/taxreport/startTaxYearRun.js';
import { type TaxDeliveryFilePorts, type TaxDeliveryFormat, taxDeliveryFile } from '../../domain/taxreport/taxDeliveryFile.js';
import { taxDeliveryId } from '../../domain/taxreport/TaxDelivery.js';
import { taxReporterId } from '../../domain/taxreport/TaxReporter.js';
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

export const taxReporterBody = z.strictObject({ cvr: z.string().max(20), se: z.string().max(20) });

const deliveryNumber = z.coerce.number().int().min(1).max(1_000_000);

export type TaxReportRouteDeps = StartJobPorts &
  StartTaxDeliveryPorts &
  TaxDeliveryFilePorts & { rules: TaxYearRulesStore; statements: TaxStatements; reporter: TaxReporterStore; deliveryFormat: TaxDeliveryFormat; clock: Clock };

/**
 * [Skatteindberetning] /admin/tax-report: MS's CVR/SE (GET, PUT /reporter); per income year the rules
 * (GET, PUT /{year}/rules: limits, least reported totals, § 12 campaign codes, membership fee,
 * excluded codes), the December computation (POST /{year}/runs: a job, 202), a giver's statement
 * (GET /{year}/statements/{personId}) and the January delivery (POST /{year}/deliveries: a job, 202);
 * the deliveries (GET /deliveries, /deliveries/{number}) and a ready delivery's file
 * (GET /deliveries/{number}/file; 409 while it is collected).
 */
export function taxReportRoutes(deps: TaxReportRouteDeps): Hono {
  return new Hono()
    .get('/reporter', async () => {
      const stored = await deps.reporter.get(taxReporterId);
      if (!stored) throw new NotFoundError("MS's CVR and SE numbers are not entered yet");
      return Response.json(stored.value);
    })
    .put('/reporter', async (c) => {
      const body = taxReporterBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await saveTaxReporter(body.data, actorReference(actorOf(c)), deps));
    })
    .get('/deliveries', async (c) => c.json({ deliveries: await deps.deliveries.list() }))
    .get('/deliveries/:number', pathParams({ number: deliveryNumber }), async (c) => {
      const stored = await deps.deliveries.get(taxDeliveryId(Number(c.req.param('number'))));
      if (!stored) throw new NotFoundError(`no delivery ${c.req.param('number')}`);
      return c.json(stored.value);
    })
    .get('/deliveries/:number/file', pathParams({ number: deliveryNumber }), async (c) => {
      const { delivery, content, personIds, leftOut } = await taxDeliveryFile(Number(c.req.param('number')), deps.deliveryFormat, deps);
      c.set('auditedPersons', personIds);
      const filename = `ms-gaver-${delivery.year}-leverance-${delivery.deliveryNumber}.${deps.deliveryFormat.extension}`;
      return c.body(Buffer.from(content), 200, {
        'content-type': deps.deliveryFormat.mediaType,
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store',
        'x-tax-delivery-format': deps.deliveryFormat.name,
        'x-left-out-without-cpr': String(leftOut),
      });
    })
    .post('/:year/deliveries', pathParams({ year }), async (c) => c.json(await startTaxDelivery(Number(c.req.param('year')), actorReference(actorOf(c)), deps), 202))
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

/**
 * [Skatteindberetning] GET /admin/persons/{id}/tax-report-markers: what was reported to SKAT for the
 * person, per year and delivery, newest first, for member service's answers (audited).
 */
export function taxReportMarkerRoute(deps: { markers: TaxReportMarkers }): Hono {
  return new Hono().get('/:id/tax-report-markers', pathParams({ id: engineId }), async (c) => c.json({ markers: await deps.markers.ofPerson(c.req.param('id')) }));
}

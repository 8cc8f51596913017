import type { JobRun } from '../jobs/JobRun.js';
import { type StartJobPorts, startJobRun } from '../jobs/startJobRun.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import { ConflictError } from '../shared/errors.js';
import { InvalidTaxReportRequestError } from './incomeYear.js';
import type { TaxDeliveries, TaxReporterStore, TaxYearRulesStore } from './ports.js';
import { type TaxDelivery, taxDeliveryId } from './TaxDelivery.js';
import { taxReporterId } from './TaxReporter.js';
import { taxYearRulesId } from './TaxYearRules.js';

export const taxDeliveryJobName = 'tax-delivery';

/** A delivery is still being collected: another now would number and mark the same givers twice. */
export class DeliveryInProgressError extends ConflictError {
  readonly code = 'delivery_in_progress';
  constructor(readonly delivery: TaxDelivery) {
    super(`delivery ${delivery.deliveryNumber} (income year ${delivery.year}) is still being collected; wait for it to be ready`);
  }
}

export interface StartTaxDeliveryPorts extends StartJobPorts {
  rules: TaxYearRulesStore;
  reporter: TaxReporterStore;
  deliveries: TaxDeliveries;
}

/**
 * [Skatteindberetning] Staff start the January delivery for an income year that has ended: it gets
 * the next delivery number (unique over all years) and MS's CVR/SE as they are now, and the
 * `tax-delivery` job computes the year again and marks who it reports.
 */
export async function startTaxDelivery(year: number, requestedBy: string, ports: StartTaxDeliveryPorts): Promise<TaxDelivery> {
  await checkDeliverable(year, ports);
  const reporter = (await ports.reporter.get(taxReporterId))!.value;
  for (;;) {
    const existing = await ports.deliveries.list();
    const collecting = existing.find((delivery) => delivery.status === 'collecting');
    if (collecting) {
      if (!(await ports.jobRuns.get(collecting.runId))) await queueRunOf(collecting, ports);
      throw new DeliveryInProgressError(collecting);
    }
    const deliveryNumber = Math.max(0, ...existing.map((delivery) => delivery.deliveryNumber)) + 1;
    const delivery: TaxDelivery = { id: taxDeliveryId(deliveryNumber), deliveryNumber, year, status: 'collecting', reporter: { cvr: reporter.cvr, se: reporter.se }, requestedAt: ports.clock.now().toISOString(), requestedBy, runId: ports.ids.random() };
    // Create-only: two requests at once cannot both take the number; the loser counts again.
    if ((await ports.deliveries.save(delivery)) === 'saved') {
      await queueRunOf(delivery, ports);
      return delivery;
    }
  }
}

async function checkDeliverable(year: number, ports: StartTaxDeliveryPorts): Promise<void> {
  const currentYear = Number(copenhagenDateOf(ports.clock.now()).slice(0, 4));
  if (!Number.isInteger(year) || year >= currentYear) throw new InvalidTaxReportRequestError([{ field: 'year', problem: `${year} is not over; the latest year to deliver is ${currentYear - 1}` }]);
  if (!(await ports.rules.get(taxYearRulesId(year)))) throw new InvalidTaxReportRequestError([{ field: 'year', problem: `no rules for ${year}: enter the year's limits first (PUT /admin/tax-report/${year}/rules)` }]);
  if (!(await ports.reporter.get(taxReporterId))) throw new InvalidTaxReportRequestError([{ field: 'reporter', problem: "MS's CVR and SE numbers are not entered (PUT /admin/tax-report/reporter)" }]);
}

/**
 * The delivery names its run before the run is queued; a delivery whose run never got queued (a
 * crash in between) has it queued when the next delivery is asked for.
 */
function queueRunOf(delivery: TaxDelivery, ports: StartTaxDeliveryPorts): Promise<JobRun> {
  const parameters = { year: String(delivery.year), deliveryNumber: String(delivery.deliveryNumber) };
  return startJobRun(taxDeliveryJobName, { kind: 'staff', requestedBy: delivery.requestedBy }, ports, parameters, delivery.runId);
}

import { type StartJobPorts, startJobRun } from '../jobs/startJobRun.js';
import type { JobRun } from '../jobs/JobRun.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import { checkIncomeYear, InvalidTaxReportRequestError } from './incomeYear.js';
import type { TaxYearRulesStore } from './ports.js';
import { taxYearRulesId } from './TaxYearRules.js';
import { taxYearTotalsJobName } from './taxYearTotalsJob.js';

/** [Skatteindberetning] Staff start the year's computation: a year that has begun, whose rules finance has entered. */
export async function startTaxYearRun(year: number, requestedBy: string, ports: StartJobPorts & { rules: TaxYearRulesStore }): Promise<JobRun> {
  checkIncomeYear(year, copenhagenDateOf(ports.clock.now()));
  if (!(await ports.rules.get(taxYearRulesId(year)))) throw new InvalidTaxReportRequestError([{ field: 'year', problem: `no rules for ${year}: enter the year's limits first (PUT /admin/tax-report/${year}/rules)` }]);
  return startJobRun(taxYearTotalsJobName, { kind: 'staff', requestedBy }, ports, { year: String(year) });
}

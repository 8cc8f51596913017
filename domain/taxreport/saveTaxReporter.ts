import type { Clock } from '../shared/Clock.js';
import { InvalidTaxReportRequestError } from './incomeYear.js';
import type { TaxReporterStore } from './ports.js';
import { checkReporterNumbers, type TaxReporter, taxReporterId } from './TaxReporter.js';

/** [Skatteindberetning] Finance enters MS's CVR and SE numbers, which every later delivery carries. */
export async function saveTaxReporter(numbers: { cvr: string; se: string }, by: string, ports: { reporter: TaxReporterStore; clock: Clock }): Promise<TaxReporter> {
  checkReporterNumbers(numbers);
  const stored = await ports.reporter.get(taxReporterId);
  const reporter: TaxReporter = { id: taxReporterId, cvr: numbers.cvr, se: numbers.se, updatedAt: ports.clock.now().toISOString(), updatedBy: by };
  if ((await ports.reporter.save(reporter, stored?.etag)) !== 'saved') throw new InvalidTaxReportRequestError([{ field: 'cvr', problem: 'the numbers changed meanwhile; read them again and repeat the change' }]);
  return reporter;
}

import type { Clock } from '../shared/Clock.js';
import { InvalidTaxReportRequestError } from './incomeYear.js';
import type { TaxYearRulesStore } from './ports.js';
import { type TaxYearRules, taxYearRulesId } from './TaxYearRules.js';

/** [Skatteindberetning] Finance enters or corrects an income year's limits and codes (a year ahead is allowed: SKAT publishes them early). */
export async function saveTaxYearRules(input: Omit<TaxYearRules, 'id' | 'updatedAt' | 'updatedBy'>, by: string, ports: { rules: TaxYearRulesStore; clock: Clock }): Promise<TaxYearRules> {
  const id = taxYearRulesId(input.year);
  const stored = await ports.rules.get(id);
  const rules: TaxYearRules = { ...input, id, updatedAt: ports.clock.now().toISOString(), updatedBy: by };
  if ((await ports.rules.save(rules, stored?.etag)) !== 'saved') throw new InvalidTaxReportRequestError([{ field: 'year', problem: 'the rules changed meanwhile; read them again and repeat the change' }]);
  return rules;
}

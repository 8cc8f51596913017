import type { Job } from '../jobs/JobRun.js';
import type { TaxYearRulesStore } from './ports.js';
import { taxYearRulesId } from './TaxYearRules.js';
import { type YearStatementPorts, yearStatementPages } from './yearStatementPages.js';

export const taxYearTotalsJobName = 'tax-year-totals';

export interface TaxYearTotalsPorts extends YearStatementPorts {
  rules: TaxYearRulesStore;
}

/**
 * [Skatteindberetning] The December run: computes every giver's totals for the income year (parameter
 * `year`) and keeps each as the person's statement, which the December mails tell. Repeating the run
 * (a retry, a later run) computes and replaces the same statements, so it is safe to resume; progress
 * is the givers done.
 */
export function taxYearTotalsJob(ports: TaxYearTotalsPorts): Job {
  return {
    name: taxYearTotalsJobName,
    description: "Computes each giver's deductible gifts for an income year (parameter year)",
    run: async ({ run, progress }) => {
      const year = Number(run.parameters?.year);
      const rules = (await ports.rules.get(taxYearRulesId(year)))?.value;
      if (!rules) throw new Error(`the run names no income year with rules (year ${run.parameters?.year ?? 'missing'})`);
      const counts = { givers: 0, reported: 0, reportedWithoutCpr: 0, giftsReportedOre: 0, ongoingReportedOre: 0 };
      for await (const statements of yearStatementPages(rules, run.id, ports)) {
        for (const statement of statements) {
          counts.givers++;
          if (statement.reported) counts.reported++;
          if (statement.reported && !statement.cprKnown) counts.reportedWithoutCpr++;
          counts.giftsReportedOre += statement.gifts.reportedOre;
          counts.ongoingReportedOre += statement.ongoing.reportedOre;
        }
        await progress(counts.givers, 'givers');
      }
      return counts;
    },
  };
}

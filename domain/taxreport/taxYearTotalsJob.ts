import type { Job } from '../jobs/JobRun.js';
import type { Clock } from '../shared/Clock.js';
import type { PersonRepository } from '../person/ports.js';
import type { TaxReportSources, TaxStatements, TaxYearRulesStore } from './ports.js';
import { type TaxStatement, taxStatementId } from './TaxStatement.js';
import { taxYearRulesId } from './TaxYearRules.js';
import { yearTotals } from './yearTotals.js';

export const taxYearTotalsJobName = 'tax-year-totals';

export interface TaxYearTotalsPorts {
  persons: Pick<PersonRepository, 'get'>;
  rules: TaxYearRulesStore;
  sources: TaxReportSources;
  statements: TaxStatements;
  clock: Clock;
}

/** Givers read and written at once: bounds the memory a run holds. */
const giversPerPage = 1_000;

/**
 * [Skatteindberetning] Computes every giver's totals for the income year (parameter `year`) under the
 * year's rules, a page of givers at a time, and keeps each as the person's statement for the year.
 * Each statement says whether MS holds the giver's CPR number (the December mail asks those without).
 * Repeating the run (a retry, the January run after December's) computes and replaces the same
 * statements, so it is safe to resume; progress is the givers done.
 */
export function taxYearTotalsJob(ports: TaxYearTotalsPorts): Job {
  return {
    name: taxYearTotalsJobName,
    description: 'Computes each giver\'s deductible gifts for an income year (parameter year)',
    run: async ({ run, progress }) => {
      const year = Number(run.parameters?.year);
      const rules = (await ports.rules.get(taxYearRulesId(year)))?.value;
      if (!rules) throw new Error(`the run names no income year with rules (year ${run.parameters?.year ?? 'missing'})`);
      const counts = { givers: 0, reported: 0, reportedWithoutCpr: 0, giftsReportedOre: 0, ongoingReportedOre: 0 };
      for await (const page of ports.sources.givers(year, giversPerPage)) {
        const computedAt = ports.clock.now().toISOString();
        const statements: TaxStatement[] = [];
        for (const { personId, payments } of page) {
          const cprKnown = (await ports.persons.get(personId))?.value.cpr !== undefined;
          statements.push({ ...yearTotals(personId, payments, rules), id: taxStatementId(year, personId), runId: run.id, computedAt, cprKnown });
        }
        await ports.statements.saveAll(statements);
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

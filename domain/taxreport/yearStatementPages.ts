import type { PersonRepository } from '../person/ports.js';
import type { Clock } from '../shared/Clock.js';
import type { TaxReportSources, TaxStatements } from './ports.js';
import { type TaxStatement, taxStatementId } from './TaxStatement.js';
import type { TaxYearRules } from './TaxYearRules.js';
import { yearTotals } from './yearTotals.js';

export interface YearStatementPorts {
  persons: Pick<PersonRepository, 'get'>;
  sources: TaxReportSources;
  statements: TaxStatements;
  clock: Clock;
}

/** Givers read and written at once: bounds the memory a run holds. */
const giversPerPage = 1_000;

/**
 * [Skatteindberetning] Computes every giver's totals for the income year under its rules, a page of
 * givers at a time, keeps each as the person's statement (replacing an earlier run's) and hands the
 * page on. Each statement says whether MS holds the giver's CPR number at this moment.
 */
export async function* yearStatementPages(rules: TaxYearRules, runId: string, ports: YearStatementPorts): AsyncIterable<TaxStatement[]> {
  for await (const page of ports.sources.givers(rules.year, giversPerPage)) {
    const computedAt = ports.clock.now().toISOString();
    const statements: TaxStatement[] = [];
    for (const { personId, payments } of page) {
      const cprLookup = (await ports.persons.get(personId))?.value.cpr?.lookup;
      statements.push({ ...yearTotals(personId, payments, rules), id: taxStatementId(rules.year, personId), runId, computedAt, cprKnown: cprLookup !== undefined, ...(cprLookup && { cprLookup }) });
    }
    await ports.statements.saveAll(statements);
    yield statements;
  }
}

import type { PersonRepository } from '../person/ports.js';
import type { Clock } from '../shared/Clock.js';
import { forEachConcurrently } from '../shared/forEachConcurrently.js';
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
/** Person reads in flight at once (measured on the stand-in: 2,000 reads in 1.7 s instead of 2.2 s one by one; more where the network adds latency). */
const personReadsAtOnce = 16;

/**
 * [Skatteindberetning] Computes every giver's totals for the income year under its rules, a page of
 * givers at a time, keeps each as the person's statement (replacing an earlier run's) and hands the
 * page on. Each statement says whether MS holds the giver's CPR number at this moment.
 */
export async function* yearStatementPages(rules: TaxYearRules, runId: string, ports: YearStatementPorts): AsyncIterable<TaxStatement[]> {
  for await (const page of ports.sources.givers(rules.year, giversPerPage)) {
    const computedAt = ports.clock.now().toISOString();
    const statements: TaxStatement[] = [];
    const cprLookups = await cprLookupsOf(page.map((giver) => giver.personId), ports);
    for (const { personId, payments } of page) {
      const cprLookup = cprLookups.get(personId);
      statements.push({ ...yearTotals(personId, payments, rules), id: taxStatementId(rules.year, personId), runId, computedAt, cprKnown: cprLookup !== undefined, ...(cprLookup && { cprLookup }) });
    }
    await ports.statements.saveAll(statements);
    yield statements;
  }
}

/** The keyed hash of each giver's CPR number, for those who have one. */
async function cprLookupsOf(personIds: string[], ports: Pick<YearStatementPorts, 'persons'>): Promise<Map<string, string>> {
  const lookups = new Map<string, string>();
  await forEachConcurrently(personIds, personReadsAtOnce, async (personId) => {
    const lookup = (await ports.persons.get(personId))?.value.cpr?.lookup;
    if (lookup) lookups.set(personId, lookup);
  });
  return lookups;
}

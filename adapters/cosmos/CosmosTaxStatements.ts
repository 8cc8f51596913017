import type { TaxStatements } from '../../domain/taxreport/ports.js';
import type { TaxStatement } from '../../domain/taxreport/TaxStatement.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';
import { queryPages } from './queryPage.js';

/** [Skatteindberetning] The givers' statements per income year (container `tax-statements`, partitioned by id `<year>:<personId>`). */
export class CosmosTaxStatements extends CosmosVersionedStore<TaxStatement> implements TaxStatements {
  saveAll(statements: TaxStatement[]): Promise<void> {
    return this.upsertMany(statements);
  }

  async ofPerson(personId: string): Promise<TaxStatement[]> {
    const statements = await this.queryVersioned({ query: 'SELECT * FROM c WHERE c.personId = @personId ORDER BY c.year DESC', parameters: [{ name: '@personId', value: personId }] });
    return statements.map((stored) => stored.value);
  }

  async anyOf(year: number): Promise<boolean> {
    const { resources } = await this.container.items.query<string>({ query: 'SELECT TOP 1 VALUE c.id FROM c WHERE c.year = @year', parameters: [{ name: '@year', value: year }] }).fetchAll();
    return resources.length > 0;
  }

  async *reportedPersonIds(year: number, cprKnown: boolean, pageSize: number): AsyncIterable<string[]> {
    const query = {
      query: 'SELECT c.personId FROM c WHERE c.year = @year AND c.reported = true AND c.cprKnown = @cprKnown ORDER BY c.personId',
      parameters: [
        { name: '@year', value: year },
        { name: '@cprKnown', value: cprKnown },
      ],
    };
    for await (const page of queryPages<{ personId: string }>(this.container, query, pageSize)) yield page.map((row) => row.personId);
  }
}

import type { TaxStatements } from '../../domain/taxreport/ports.js';
import type { TaxStatement } from '../../domain/taxreport/TaxStatement.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';

/** [Skatteindberetning] The givers' statements per income year (container `tax-statements`, partitioned by id `<year>:<personId>`). */
export class CosmosTaxStatements extends CosmosVersionedStore<TaxStatement> implements TaxStatements {
  saveAll(statements: TaxStatement[]): Promise<void> {
    return this.upsertMany(statements);
  }
}

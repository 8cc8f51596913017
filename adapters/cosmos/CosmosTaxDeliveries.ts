import type { TaxDeliveries } from '../../domain/taxreport/ports.js';
import type { TaxDelivery } from '../../domain/taxreport/TaxDelivery.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';

/** [Skatteindberetning] The deliveries to SKAT (container `tax-deliveries`, a few a year). */
export class CosmosTaxDeliveries extends CosmosVersionedStore<TaxDelivery> implements TaxDeliveries {
  async list(): Promise<TaxDelivery[]> {
    return (await this.queryVersioned({ query: 'SELECT * FROM c ORDER BY c.deliveryNumber DESC' })).map((stored) => stored.value);
  }
}

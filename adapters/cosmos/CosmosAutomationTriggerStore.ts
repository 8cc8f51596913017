import type { Container } from '@azure/cosmos';
import type { AutomationTrigger } from '../../domain/automation/AutomationTrigger.js';
import type { AutomationTriggerStore } from '../../domain/automation/ports.js';
import type { Versioned } from '../../domain/person/ports.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';

/** Aggregated automation triggers in Cosmos DB, one document per person, kind and window. */
export class CosmosAutomationTriggerStore extends CosmosVersionedStore<AutomationTrigger> implements AutomationTriggerStore {
  constructor(container: Container) {
    super(container);
  }

  findDue(now: string, limit: number): Promise<Versioned<AutomationTrigger>[]> {
    return this.queryVersioned({
      query: "SELECT TOP @limit * FROM c WHERE c.status = 'open' AND c.windowEnd <= @now ORDER BY c.windowEnd",
      parameters: [{ name: '@limit', value: limit }, { name: '@now', value: now }],
    });
  }
}

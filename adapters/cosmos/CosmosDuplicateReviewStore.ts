import type { Container } from '@azure/cosmos';
import type { DuplicateReview } from '../../domain/identity/DuplicateReview.js';
import type { DuplicateReviewStore } from '../../domain/identity/ports.js';
import type { Versioned } from '../../domain/person/ports.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';

/** Duplicate review cases in Cosmos DB (container `duplicate-reviews`, next to the not-a-duplicate pairs). */
export class CosmosDuplicateReviewStore extends CosmosVersionedStore<DuplicateReview> implements DuplicateReviewStore {
  constructor(container: Container) {
    super(container);
  }

  findOpen(limit: number): Promise<Versioned<DuplicateReview>[]> {
    return this.queryVersioned({
      query: "SELECT TOP @limit * FROM c WHERE c.status = 'open' ORDER BY c.openedAt",
      parameters: [{ name: '@limit', value: limit }],
    });
  }
}

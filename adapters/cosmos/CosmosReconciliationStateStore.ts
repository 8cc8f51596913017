import type { Container } from '@azure/cosmos';
import type { ReconciliationState, ReconciliationStateStore } from '../../domain/reconciliation/ports.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';

/** The reconciliation job's watermarks and last report, one document per job, in `job-state`. */
export class CosmosReconciliationStateStore extends CosmosVersionedStore<ReconciliationState> implements ReconciliationStateStore {
  constructor(container: Container) {
    super(container);
  }

  async save(state: ReconciliationState, etag?: string): Promise<'saved' | 'stale'> {
    const outcome = etag === undefined ? await this.create(state) : await this.replace(state, etag);
    return outcome === 'created' || outcome === 'replaced' ? 'saved' : 'stale';
  }
}

import type { Container } from '@azure/cosmos';
import type { AgreementPaymentState } from '../../domain/dunning/AgreementPaymentState.js';
import type { AgreementStates } from '../../domain/dunning/ports.js';
import type { Versioned } from '../../domain/person/ports.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';
import { queryPage } from './queryPage.js';

/** [CampaignAutomation6] Per-agreement payment state (container `agreement-states`, partitioned by id). */
export class CosmosAgreementStates extends CosmosVersionedStore<AgreementPaymentState> implements AgreementStates {
  constructor(container: Container) {
    super(container);
  }

  allOfPerson(personId: string): Promise<Versioned<AgreementPaymentState>[]> {
    return this.queryVersioned({ query: 'SELECT * FROM c WHERE c.personId = @personId', parameters: [{ name: '@personId', value: personId }] });
  }

  listAll(page: { pageSize: number; continuationToken?: string }): Promise<{ items: AgreementPaymentState[]; continuationToken?: string }> {
    return queryPage<AgreementPaymentState>(this.container, 'SELECT * FROM c', page);
  }
}

import type { Container } from '@azure/cosmos';
import type { NotDuplicateRegister } from '../../domain/identity/ports.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';

interface NotDuplicateDocument {
  id: string;
  personIds: [string, string];
  by: string;
  at: string;
}

/** [OnlineFundraising13] Pairs a reviewer kept apart, one document per pair (either order finds it). */
export class CosmosNotDuplicateRegister implements NotDuplicateRegister {
  private readonly store: CosmosVersionedStore<NotDuplicateDocument>;

  constructor(container: Container) {
    this.store = new CosmosVersionedStore<NotDuplicateDocument>(container);
  }

  async isMarked(personA: string, personB: string): Promise<boolean> {
    return (await this.store.get(pairId(personA, personB))) !== null;
  }

  async mark(personA: string, personB: string, decision: { by: string; at: string }): Promise<void> {
    const personIds = [personA, personB].sort() as [string, string];
    await this.store.create({ id: pairId(personA, personB), personIds, ...decision });
  }
}

function pairId(personA: string, personB: string): string {
  return `not-duplicate-${[personA, personB].sort().join('-')}`;
}

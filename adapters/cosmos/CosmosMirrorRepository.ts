import type { Container } from '@azure/cosmos';
import type { MirrorRecord } from '../../domain/mirror/MirrorRecord.js';
import type { MirroredEntity } from '../../domain/mirror/OnlineFundraisingRecords.js';
import type { MirrorRepository } from '../../domain/mirror/ports.js';
import type { Versioned } from '../../domain/person/ports.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';

/** Mirrored OF entities in Cosmos DB, one document each, partitioned by id; ETag-conditional writes. */
export class CosmosMirrorRepository extends CosmosVersionedStore<MirrorRecord> implements MirrorRepository {
  constructor(container: Container) {
    super(container);
  }

  async findWaitingFor(parentId: string): Promise<Versioned<MirrorRecord>[]> {
    const query = { query: 'SELECT * FROM c WHERE ARRAY_CONTAINS(c.waitingFor, @parentId)', parameters: [{ name: '@parentId', value: parentId }] };
    return this.queryVersioned(query);
  }

  async findOfPerson(personId: string, entity: MirroredEntity): Promise<MirrorRecord[]> {
    const query = {
      query: 'SELECT * FROM c WHERE c.personId = @personId AND c.entity = @entity',
      parameters: [{ name: '@personId', value: personId }, { name: '@entity', value: entity }],
    };
    return (await this.queryVersioned(query)).map((stored) => stored.value);
  }

  findAllOfPerson(personId: string): Promise<Versioned<MirrorRecord>[]> {
    return this.queryVersioned({ query: 'SELECT * FROM c WHERE c.personId = @personId', parameters: [{ name: '@personId', value: personId }] });
  }

  async findCrmPending(limit: number): Promise<Versioned<MirrorRecord>[]> {
    const query = { query: 'SELECT TOP @limit * FROM c WHERE c.crm.pending = true ORDER BY c.crm.pendingSince', parameters: [{ name: '@limit', value: limit }] };
    return this.queryVersioned(query);
  }
}

import type { Container, SqlQuerySpec } from '@azure/cosmos';
import type { Versioned } from '../../domain/person/ports.js';
import type { SignatureStore } from '../../domain/signatures/ports.js';
import type { Signature } from '../../domain/signatures/Signature.js';
import { hasStatus, withoutSystemProperties } from './documents.js';

/**
 * [OnlineFundraising15][Leadflow] Petition signatures in Cosmos DB (container `signatures`,
 * partitioned by petition, so a petition's counts are read from one partition). A person's
 * signatures are a cross-partition query.
 */
export class CosmosSignatureStore implements SignatureStore {
  constructor(private readonly container: Container) {}

  async add(signature: Signature): Promise<'added' | 'exists'> {
    try {
      await this.container.items.create(signature);
      return 'added';
    } catch (error) {
      if (hasStatus(error, 409)) return 'exists';
      throw error;
    }
  }

  async get(petitionId: string, id: string): Promise<Versioned<Signature> | null> {
    const { resource, etag } = await this.container.item(id, petitionId).read<Signature & Record<string, unknown>>();
    return resource ? { value: withoutSystemProperties<Signature>(resource), etag } : null;
  }

  async replace(signature: Signature, etag: string): Promise<'replaced' | 'stale'> {
    try {
      await this.container.item(signature.id, signature.petitionId).replace(signature, { accessCondition: { type: 'IfMatch', condition: etag } });
      return 'replaced';
    } catch (error) {
      if (hasStatus(error, 412)) return 'stale';
      throw error;
    }
  }

  ofPetition(petitionId: string): Promise<Signature[]> {
    return this.query({ query: 'SELECT * FROM c WHERE c.petitionId = @petitionId', parameters: [{ name: '@petitionId', value: petitionId }] }, petitionId);
  }

  ofPerson(personId: string): Promise<Signature[]> {
    return this.query({ query: 'SELECT * FROM c WHERE c.personId = @personId', parameters: [{ name: '@personId', value: personId }] });
  }

  private async query(query: SqlQuerySpec, partitionKey?: string): Promise<Signature[]> {
    const { resources } = await this.container.items.query<Signature & Record<string, unknown>>(query, partitionKey === undefined ? {} : { partitionKey }).fetchAll();
    return resources.map((document) => withoutSystemProperties<Signature>(document));
  }
}

import type { Container } from '@azure/cosmos';
import type { Person } from '../../domain/person/Person.js';
import type { PersonRepository, Versioned } from '../../domain/person/ports.js';
import { hasStatus, withoutSystemProperties } from './documents.js';

/** Persons in Cosmos DB, one document per person, partitioned by id. Writes are ETag-conditional. */
export class CosmosPersonRepository implements PersonRepository {
  constructor(private readonly container: Container) {}

  async get(id: string): Promise<Versioned<Person> | null> {
    const { resource, etag } = await this.container.item(id, id).read<Person & Record<string, unknown>>();
    return resource ? { value: withoutSystemProperties<Person>(resource), etag } : null;
  }

  async create(person: Person): Promise<'created' | 'exists'> {
    try {
      await this.container.items.create(person);
      return 'created';
    } catch (error) {
      if (hasStatus(error, 409)) return 'exists';
      throw error;
    }
  }

  async replace(person: Person, etag: string): Promise<'replaced' | 'stale'> {
    try {
      await this.container.item(person.id, person.id).replace(person, { accessCondition: { type: 'IfMatch', condition: etag } });
      return 'replaced';
    } catch (error) {
      if (hasStatus(error, 412)) return 'stale';
      throw error;
    }
  }
}

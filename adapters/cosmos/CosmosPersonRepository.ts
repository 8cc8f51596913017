import type { Container } from '@azure/cosmos';
import type { Person } from '../../domain/person/Person.js';
import type { PersonRepository } from '../../domain/person/ports.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';

/** Persons in Cosmos DB, one document per person, partitioned by id. Writes are ETag-conditional. */
export class CosmosPersonRepository extends CosmosVersionedStore<Person> implements PersonRepository {
  constructor(container: Container) {
    super(container);
  }
}

import { survivorOf } from '../identity/survivorOf.js';
import type { PersonRepository } from '../person/ports.js';
import { isAnonymised } from '../person/Person.js';
import type { MirrorRepository, ParentDirectory } from './ports.js';

/** Persons are looked up among persons, every other parent in the mirror. */
export function parentDirectory(persons: Pick<PersonRepository, 'get'>, mirror: Pick<MirrorRepository, 'get'>): ParentDirectory {
  return {
    exists: async (parent) => (parent.entity === 'person' ? await persons.get(parent.id) : await mirror.get(parent.id)) !== null,
    activePersonOf: (personId) => survivorOf(personId, { persons }),
    isAnonymised: async (personId) => {
      const stored = await persons.get(personId);
      return stored !== null && isAnonymised(stored.value);
    },
  };
}

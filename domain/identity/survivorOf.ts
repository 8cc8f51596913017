import type { PersonRepository } from '../person/ports.js';

/** A merge chain longer than this is a data error, not a chain. */
const maxChain = 10;

/**
 * [OnlineFundraising13] The active person behind an id: the person itself, or the survivor it was
 * merged into (following a chain of merges). Undefined when there is no such person.
 */
export async function survivorOf(personId: string, ports: { persons: Pick<PersonRepository, 'get'> }): Promise<string | undefined> {
  let id = personId;
  for (let step = 0; step < maxChain; step++) {
    const stored = await ports.persons.get(id);
    if (!stored) return undefined;
    if (!stored.value.mergedInto) return id;
    id = stored.value.mergedInto;
  }
  throw new Error(`person ${personId} has a merge chain longer than ${maxChain}`);
}

import type { PersonRepository } from '../person/ports.js';

/** A merge tree deeper than this is a data error, as in survivorOf. */
const maxDepth = 10;

/** [OnlineFundraising13] Every person merged into this one, directly or through others merged into it. */
export async function mergedPersonIdsOf(personId: string, ports: { persons: Pick<PersonRepository, 'findMergedInto'> }): Promise<string[]> {
  const found: string[] = [];
  let level = [personId];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth === maxDepth) throw new Error(`person ${personId} has a merge tree deeper than ${maxDepth}`);
    level = (await Promise.all(level.map((id) => ports.persons.findMergedInto(id)))).flat().filter((id) => !found.includes(id) && id !== personId);
    found.push(...level);
  }
  return found;
}

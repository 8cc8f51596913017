import { canonicalJson } from '../shared/canonicalJson.js';
import type { Person } from './Person.js';

/** True when two versions of a person differ only in the engine's bookkeeping instants. */
export function samePersonData(a: Person, b: Person): boolean {
  const data = ({ createdAt: _created, updatedAt: _updated, ...rest }: Person) => rest;
  return canonicalJson(data(a)) === canonicalJson(data(b));
}

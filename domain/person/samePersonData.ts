import type { Person } from './Person.js';

/** True when two versions of a person differ only in the engine's bookkeeping instants. */
export function samePersonData(a: Person, b: Person): boolean {
  return JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));
}

function comparable(person: Person): Omit<Person, 'createdAt' | 'updatedAt'> {
  const { createdAt: _created, updatedAt: _updated, ...data } = person;
  return sortKeys(data) as Omit<Person, 'createdAt' | 'updatedAt'>;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

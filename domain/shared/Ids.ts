/**
 * Port: identifiers.
 * `fromKey` is deterministic (the same key always gives the same id), so a retried or duplicated
 * message creates the same record instead of a second one. `random` is for things that have no
 * natural key.
 */
export interface Ids {
  fromKey(key: string): string;
  random(): string;
}

import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { IdentityIndex } from '../../domain/identity/ports.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';

/** The persons with one match key. */
interface KeyDocument {
  id: string;
  key: string;
  personIds: string[];
}

/** The keys a person is indexed under, so a change can take them out of the keys they lost. */
interface PersonKeysDocument {
  id: string;
  personId: string;
  keys: string[];
}

const maxAttempts = 10;

/**
 * [CARE-Dedupe] The identity index in Cosmos DB (container `identity-index`): one document per
 * match key listing its persons, read by id (a point read), and one per person listing its keys.
 * Changes are ETag-conditional and idempotent, so a repeat after a crash finishes the job.
 */
export class CosmosIdentityIndex implements IdentityIndex {
  private readonly keys: CosmosVersionedStore<KeyDocument>;
  private readonly persons: CosmosVersionedStore<PersonKeysDocument>;

  constructor(container: Container) {
    this.keys = new CosmosVersionedStore<KeyDocument>(container);
    this.persons = new CosmosVersionedStore<PersonKeysDocument>(container);
  }

  async lookup(keys: string[]): Promise<Map<string, string[]>> {
    const documents = await Promise.all([...new Set(keys)].map((key) => this.keys.get(keyDocumentId(key))));
    const found = new Map<string, string[]>();
    for (const document of documents) if (document && document.value.personIds.length > 0) found.set(document.value.key, document.value.personIds);
    return found;
  }

  async indexPerson(personId: string, keys: string[]): Promise<void> {
    const id = personDocumentId(personId);
    const stored = await this.persons.get(id);
    const previous = new Set(stored?.value.keys ?? []);
    const wanted = new Set(keys);
    const added = [...wanted].filter((key) => !previous.has(key));
    const removed = [...previous].filter((key) => !wanted.has(key));
    if (added.length === 0 && removed.length === 0 && stored) return;
    await Promise.all([
      ...added.map((key) => this.changeKey(key, (personIds) => [...new Set([...personIds, personId])])),
      ...removed.map((key) => this.changeKey(key, (personIds) => personIds.filter((candidate) => candidate !== personId))),
    ]);
    // Last, so a crash before it leaves the old list, and the repeat redoes the (idempotent) changes.
    if (wanted.size === 0 && stored) await this.persons.delete(id, stored.etag);
    else await this.savePersonKeys({ id, personId, keys: [...wanted].sort() });
  }

  /**
   * Indexes many persons at once into an index that holds none of their keys yet (the first load,
   * e.g. migrating MS's existing contacts): each key document is written once, in bulk, listing every
   * person of the load that has the key. Keys already indexed would be overwritten, so later changes
   * go through `indexPerson`.
   */
  async loadFresh(entries: { personId: string; keys: string[] }[]): Promise<void> {
    const personsByKey = new Map<string, string[]>();
    for (const { personId, keys } of entries) {
      for (const key of new Set(keys)) (personsByKey.get(key) ?? personsByKey.set(key, []).get(key)!).push(personId);
    }
    await this.keys.upsertMany([...personsByKey].map(([key, personIds]) => ({ id: keyDocumentId(key), key, personIds })));
    await this.persons.upsertMany(entries.map(({ personId, keys }) => ({ id: personDocumentId(personId), personId, keys: [...new Set(keys)].sort() })));
  }

  private async changeKey(key: string, change: (personIds: string[]) => string[]): Promise<void> {
    const id = keyDocumentId(key);
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const stored = await this.keys.get(id);
      const personIds = change(stored?.value.personIds ?? []);
      if (stored && sameMembers(personIds, stored.value.personIds)) return;
      // [GDPR1] A key nobody has any more is deleted: it holds an email, phone or name in clear.
      if (personIds.length === 0) {
        if (!stored || (await this.keys.delete(id, stored.etag)) === 'deleted') return;
        continue;
      }
      if ((await this.keys.save({ id, key, personIds }, stored?.etag)) === 'saved') return;
    }
    throw new Error(`identity index key ${id} changed concurrently ${maxAttempts} times in a row`);
  }

  private async savePersonKeys(document: PersonKeysDocument): Promise<void> {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const stored = await this.persons.get(document.id);
      if ((await this.persons.save(document, stored?.etag)) === 'saved') return;
    }
    throw new Error(`identity index of person ${document.personId} changed concurrently ${maxAttempts} times in a row`);
  }
}

/** Keys can be long and hold any character; a document id may not, so it is the key's SHA-256. */
function keyDocumentId(key: string): string {
  return `key-${createHash('sha256').update(key).digest('hex')}`;
}

function personDocumentId(personId: string): string {
  return `person-${personId}`;
}

function sameMembers(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Container } from '@azure/cosmos';
import { createCosmosClient } from '../../adapters/cosmos/cosmosClient.js';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import type { Person } from '../../domain/person/Person.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { personIdOf, startTestStack } from '../support/testStack.js';

let stack: LocalStack;
let persons: Container;

beforeAll(async () => {
  stack = await startTestStack();
  persons = createCosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, database: 'ms-engine' }).database('ms-engine').container(cosmosContainers.persons.id);
});
afterAll(() => stack.stop());

async function activePersonsWithEmail(email: string): Promise<string[]> {
  const query = { query: 'SELECT c.id FROM c WHERE ARRAY_CONTAINS(c.emails, @email) AND NOT IS_DEFINED(c.mergedInto)', parameters: [{ name: '@email', value: email }] };
  const { resources } = await persons.items.query<Pick<Person, 'id'>>(query).fetchAll();
  return resources.map((person) => person.id);
}

describe('[CARE-Dedupe] contacts of one person arriving at the same moment', () => {
  it('[CARE-Dedupe][OnlineFundraising13] two OF contacts with one email, notified at once, end as one active person; OF merges the contacts into the one that lives on', async () => {
    const pairs = Array.from({ length: 6 }, (_, index) => ({ email: `twin${index}@example.dk`, contactIds: [`id-t${index}a`, `id-t${index}b`] }));
    for (const { email, contactIds } of pairs) {
      for (const contactId of contactIds) stack.onlineFundraising.put('contact', contactId, { first_name: 'Tina', last_name: `Tvilling ${contactId}`, email });
    }
    await Promise.all(pairs.flatMap(({ contactIds }) => contactIds.map((contactId) => stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: contactId, event: 'created' }))));

    for (const { email, contactIds } of pairs) {
      // Both contacts processed (each has its person, or was attached to the other's), one left active.
      const survivor = await eventually(async () => {
        const stored = await Promise.all(contactIds.map(async (contactId) => (await persons.item(personIdOf(contactId), personIdOf(contactId)).read<Person>()).resource));
        expect(stored.every((person) => person !== undefined)).toBe(true);
        const active = await activePersonsWithEmail(email);
        expect(active).toHaveLength(1);
        return active[0]!;
      });
      expect(contactIds.map(personIdOf)).toContain(survivor);
      const survivorContact = contactIds.find((contactId) => personIdOf(contactId) === survivor)!;
      const mergedContact = contactIds.find((contactId) => contactId !== survivorContact)!;
      await eventually(() => expect(stack.onlineFundraising.get('contact', mergedContact)?.merged_into_contact_id).toBe(survivorContact));
      await eventually(async () => expect((await persons.item(personIdOf(mergedContact), personIdOf(mergedContact)).read<Person>()).resource?.mergedInto).toBe(survivor));
    }
  });
});

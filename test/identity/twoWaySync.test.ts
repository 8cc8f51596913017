import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueNames } from '../../handlers/queue/queueNames.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { personIdOf, queueDrained, startTestStack } from '../support/testStack.js';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const of = () => stack.onlineFundraising;
const ofPatches = (contactId: string) => of().requests().filter((request) => request.method === 'PATCH' && request.path === `/api/v1/contacts/${contactId}`);
const crmContactWrites = (personId: string) =>
  stack.dataverse.requests().filter((request) => request.method === 'PATCH' && request.path === `/api/data/v9.2/contacts(${personId})`);

async function settled(): Promise<void> {
  await stack.dataverse.webhooksSettled();
  for (const queue of [queueNames.crmContactChanges, queueNames.onlineFundraisingNotifications, queueNames.crmContactChanges]) await queueDrained(stack, queue);
}

async function inBothSystems(contactId: string): Promise<string> {
  of().put('contact', contactId, { first_name: 'Karen', last_name: `Vang ${contactId}`, email: `${contactId}@example.dk`, phone: '20 30 40 50' });
  await of().sendWebhook({ entity: 'contact', entityId: contactId, event: 'created' });
  await eventually(() => expect(stack.dataverse.row('contacts', personIdOf(contactId))).toBeDefined());
  await settled();
  return personIdOf(contactId);
}

describe('[OnlineFundraising12] two-way contact sync without loops', () => {
  it('[OnlineFundraising12] staff change a name and phone in the CRM: the OF contact is updated once, and nothing is written back to the CRM', async () => {
    const personId = await inBothSystems('tw-1');
    const crmWritesBefore = crmContactWrites(personId).length;
    await stack.dataverse.staffUpdate('contacts', personId, { firstname: 'Karla', mobilephone: '+45 31 41 51 61' });
    await eventually(() => expect(of().get('contact', 'tw-1')).toMatchObject({ first_name: 'Karla', phone: '+4531415161' }));
    await settled();
    expect(ofPatches('tw-1')).toHaveLength(1);
    expect(crmContactWrites(personId)).toHaveLength(crmWritesBefore);
    expect(stack.dataverse.row('contacts', personId)).toMatchObject({ firstname: 'Karla', mobilephone: '+45 31 41 51 61' });
  });

  it('[OnlineFundraising12] a change in OF reaches the CRM once; the CRM reporting the engine\'s own write is recognised and OF is not written', async () => {
    const personId = await inBothSystems('tw-2');
    const crmWritesBefore = crmContactWrites(personId).length;
    of().put('contact', 'tw-2', { last_name: 'Vang-Holm' });
    await of().sendWebhook({ entity: 'contact', entityId: 'tw-2', event: 'updated' });
    await eventually(() => expect(stack.dataverse.row('contacts', personId)?.lastname).toBe('Vang-Holm'));
    await settled();
    expect(crmContactWrites(personId)).toHaveLength(crmWritesBefore + 1);
    expect(stack.dataverse.webhookDeliveries().filter((delivery) => delivery.status === 'delivered').length).toBeGreaterThan(0);
    expect(ofPatches('tw-2')).toHaveLength(0);
  });
});

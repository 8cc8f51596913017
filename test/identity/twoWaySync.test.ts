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

let phones = 0;
async function inBothSystems(contactId: string): Promise<string> {
  // Each with a phone of their own: the same phone would make them one person.
  of().put('contact', contactId, { first_name: 'Karen', last_name: `Vang ${contactId}`, email: `${contactId}@example.dk`, phone: `20 30 40 5${phones++}` });
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

  it('[OnlineFundraising12][NFR-Faults] an Update changing no column the engine keeps in step is acknowledged (2xx, nothing queued), so the staff member\'s system job does not fail', async () => {
    const personId = await inBothSystems('tw-3');
    const deliveriesBefore = stack.dataverse.webhookDeliveries().length;
    await stack.dataverse.staffUpdate('contacts', personId, { description: 'Ringede om sit medlemskab' });
    await settled();
    const [delivery] = stack.dataverse.webhookDeliveries().slice(deliveriesBefore);
    expect(delivery).toMatchObject({ status: 'delivered', httpStatus: 200 });
    expect(JSON.parse(delivery!.responseBody!)).toMatchObject({ accepted: false });
    expect(ofPatches('tw-3')).toHaveLength(0);
  });

  it('[OnlineFundraising12][NFR-Faults] a change Dataverse sends without its columns (over its message size limit) is read from the contact and applied', async () => {
    const personId = await inBothSystems('tw-4');
    stack.dataverse.setWebhookMessageSizeLimit(100);
    try {
      const deliveriesBefore = stack.dataverse.webhookDeliveries().length;
      await stack.dataverse.staffUpdate('contacts', personId, { lastname: 'Vang-Stor' });
      await eventually(() => expect(of().get('contact', 'tw-4')).toMatchObject({ last_name: 'Vang-Stor' }));
      await settled();
      const [delivery] = stack.dataverse.webhookDeliveries().slice(deliveriesBefore);
      expect(delivery!.headers['x-ms-dynamics-msg-size-exceeded']).toBe('true');
      expect(delivery!.body.InputParameters).toBeUndefined();
      expect(delivery).toMatchObject({ status: 'delivered', httpStatus: 202 });
    } finally {
      stack.dataverse.setWebhookMessageSizeLimit(256 * 1024);
    }
  });
});

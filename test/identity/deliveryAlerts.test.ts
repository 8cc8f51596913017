import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { adminHeaders, personIdOf, startTestStack } from '../support/testStack.js';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const admin = async (method: string, path: string, body?: unknown) =>
  fetch(`${stack.engineUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...(await adminHeaders(stack)) }, ...(body !== undefined && { body: JSON.stringify(body) }) });

async function recipients(prefix: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, index) => `${prefix}-${index}`);
  for (const contactId of ids) {
    stack.onlineFundraising.put('contact', contactId, { first_name: 'Mia', last_name: `Dam ${contactId}`, email: `${contactId}@example.dk` });
    await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: contactId, event: 'created' });
  }
  await eventually(() => expect(ids.every((id) => stack.dataverse.row('contacts', personIdOf(id)))).toBe(true));
  return ids.map(personIdOf);
}

const alertsAbout = (sendId: string) => stack.email.sentEmails().filter((mail) => mail.subject.includes(sendId));

describe('[OnlineFundraising12] failed deliveries', () => {
  it('[OnlineFundraising12] bounces mark the addresses as not working; crossing the threshold alerts the chosen staff once', async () => {
    const settings = await admin('PUT', '/admin/delivery-alert-settings', { failureShareThreshold: 0.2, minimumDeliveries: 10, recipients: ['it@ms.dk', 'medlemsservice@ms.dk'] });
    expect(settings.status).toBe(200);
    const people = await recipients('bounce', 12);
    const firstHalf = people.slice(0, 6).map((personId, index) => ({ personId, delivered: index !== 0 }));
    const first = await admin('POST', '/admin/delivery-outcomes', { sendId: 'nyhedsbrev-2026-11', channel: 'email', outcomes: firstHalf });
    expect(await first.json()).toMatchObject({ total: 6, failed: 1, alerted: false });
    const rest = people.slice(6).map((personId, index) => ({ personId, delivered: index > 2 }));
    const second = await admin('POST', '/admin/delivery-outcomes', { sendId: 'nyhedsbrev-2026-11', channel: 'email', outcomes: rest });
    expect(await second.json()).toMatchObject({ total: 12, failed: 4, alerted: true });
    await eventually(() => expect(alertsAbout('nyhedsbrev-2026-11')).toHaveLength(1));
    expect(alertsAbout('nyhedsbrev-2026-11')[0]!.to).toEqual(['it@ms.dk', 'medlemsservice@ms.dk']);

    // The same report again changes nothing and alerts no one twice.
    const again = await admin('POST', '/admin/delivery-outcomes', { sendId: 'nyhedsbrev-2026-11', channel: 'email', outcomes: rest });
    expect(await again.json()).toMatchObject({ total: 12, failed: 4, alerted: false });
    expect(alertsAbout('nyhedsbrev-2026-11')).toHaveLength(1);

    const listed = (await (await admin('GET', '/admin/contacts?invalid=email')).json()) as { items: { personId: string; reason: string }[] };
    expect(listed.items.filter((item) => people.includes(item.personId)).map((item) => item.reason)).toEqual(['email-bounced', 'email-bounced', 'email-bounced', 'email-bounced']);
    await eventually(() => expect(stack.dataverse.row('contacts', people[0]!)?.msengine_invalidemail).toBe(true));
  });

  it('[OnlineFundraising12] settings the engine cannot use are refused with the fields named', async () => {
    const response = await admin('PUT', '/admin/delivery-alert-settings', { failureShareThreshold: 2, minimumDeliveries: 0, recipients: ['not-an-address'] });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fields: { field: string }[] }).fields.map((field) => field.field).sort()).toEqual(['failureShareThreshold', 'minimumDeliveries', 'recipients.0']);
  });
});

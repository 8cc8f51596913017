import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { adminHeaders, personIdOf, startTestStack } from '../support/testStack.js';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const of = () => stack.onlineFundraising;
const admin = async (method: string, path: string, body?: unknown) =>
  fetch(`${stack.engineUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...(await adminHeaders(stack)) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
const listed = async (channel: string) => ((await (await admin('GET', `/admin/contacts?invalid=${channel}`)).json()) as { items: { personId: string; value: string; reason: string }[] }).items;

async function signUp(contactId: string, phone: string, inCrm: string): Promise<string> {
  of().put('contact', contactId, { first_name: 'Bo', last_name: `Ravn ${contactId}`, email: `${contactId}@example.dk`, phone });
  await of().sendWebhook({ entity: 'contact', entityId: contactId, event: 'updated' });
  await eventually(() => expect(stack.dataverse.row('contacts', personIdOf(contactId))?.mobilephone).toBe(inCrm));
  return personIdOf(contactId);
}

describe('[OnlineFundraising12] contacts marked with a number or address that does not work', () => {
  it('[OnlineFundraising12] member service flags a phone after a failed call: it is listed and shown in the CRM, until the person has another number', async () => {
    const personId = await signUp('inv-1', '26 36 46 56', '+4526364656');
    const flagged = await admin('POST', `/admin/persons/${personId}/invalid-contact`, { channel: 'phone', reason: 'call-failed', flaggedBy: 'medlemsservice@ms.dk' });
    expect(flagged.status).toBe(200);
    expect(await listed('phone')).toContainEqual(expect.objectContaining({ personId, value: '+4526364656', reason: 'call-failed' }));
    expect(await listed('email')).not.toContainEqual(expect.objectContaining({ personId }));
    await eventually(() => expect(stack.dataverse.row('contacts', personId)?.msengine_invalidphone).toBe(true));

    await signUp('inv-1', '27 37 47 57', '+4527374757');
    expect(await listed('phone')).not.toContainEqual(expect.objectContaining({ personId }));
    await eventually(() => expect(stack.dataverse.row('contacts', personId)?.msengine_invalidphone).toBe(false));
  });

  it('[OnlineFundraising12] a flag or a listing the engine cannot read is refused with the fields named', async () => {
    const badList = await admin('GET', '/admin/contacts?invalid=fax');
    expect(badList.status).toBe(400);
    expect(((await badList.json()) as { fields: { field: string }[] }).fields.map((field) => field.field)).toEqual(['invalid']);
    const badFlag = await admin('POST', `/admin/persons/${personIdOf('inv-1')}/invalid-contact`, { channel: 'phone', reason: 'because' });
    expect(badFlag.status).toBe(400);
    expect(((await badFlag.json()) as { fields: { field: string }[] }).fields.map((field) => field.field).sort()).toEqual(['reason']);
    const unknown = await admin('POST', '/admin/persons/00000000-0000-4000-8000-000000000404/invalid-contact', { channel: 'phone', reason: 'staff', flaggedBy: 'ms' });
    expect(unknown.status).toBe(404);
  });
});

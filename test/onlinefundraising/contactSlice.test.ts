import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Container } from '@azure/cosmos';
import { createCosmosClient } from '../../adapters/cosmos/cosmosClient.js';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import type { Person } from '../../domain/person/Person.js';
import { settableClock } from '../../adapters/system/settableClock.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { queueNames } from '../../handlers/queue/queueNames.js';
import { adminHeaders, personIdOf, queueDrained, startTestStack, testStackStartsAt } from '../support/testStack.js';

let stack: LocalStack;
let persons: Container;
const stackClock = settableClock(testStackStartsAt);
/** The OF simulator's clock runs this far from the stack's (it signs webhooks with it too). */
let ofClockOffsetMs = 0;
const ofClock: Clock = { now: () => new Date(stackClock.now().getTime() + ofClockOffsetMs) };

beforeAll(async () => {
  stack = await startTestStack({ clock: stackClock, onlineFundraisingClock: ofClock });
  const cosmos = createCosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, database: 'ms-engine' });
  persons = cosmos.database('ms-engine').container(cosmosContainers.persons.id);
});
afterAll(() => stack.stop());
beforeEach(() => {
  stack.onlineFundraising.clearFaults();
  stack.dataverse.clearFaults();
});

const of = () => stack.onlineFundraising;
const crmContact = (personId: string) => stack.dataverse.row('contacts', personId);
const storedPerson = async (personId: string) => (await persons.item(personId, personId).read<Person>()).resource;

/** Each contact its own name, email and phone: the same ones would make the resolver take them for one person. */
function signUp(contactId: string, fields: Record<string, unknown> = {}) {
  return of().put('contact', contactId, {
    first_name: 'Mette',
    last_name: `Sørensen ${contactId}`,
    email: `${contactId}@example.dk`,
    phone: `22 33 ${contactId.replace(/\D/g, '').padStart(4, '0').slice(-4)}`,
    phone_secondary: null,
    address: { street: 'Fælledvej 12', street2: null, postal_code: '2200', city: 'København N', country: 'DK' },
    contribution_code: 'KLIMA2026',
    company: null,
    consents: [
      { channel: 'email', given: true, at: '2026-11-24T08:00:00.000Z', source: 'KLIMA2026' },
      { channel: 'sms', given: false, at: '2026-11-24T08:00:00.000Z', source: 'KLIMA2026' },
    ],
    custom_fields: { tshirt_size: 'M' },
    ...fields,
  });
}

const notify = (contactId: string, event: 'created' | 'updated' = 'created') =>
  of().sendWebhook({ entity: 'contact', entityId: contactId, event });

const requestsTo = <R extends { method: string; path: string }>(log: R[], method: string, path: string) =>
  log.filter((request) => request.method === method && request.path === path);

describe('[OnlineFundraising1] an OF contact notification travels OF → engine → CRM', () => {
  it('[OnlineFundraising1] a phone OF sends that is no number is kept visible to staff: in the admin API and in a CRM column, never as the phone', async () => {
    signUp('of-900', { phone: 'ring efter kl 16' });
    await notify('of-900');
    const personId = personIdOf('of-900');
    await eventually(() => expect(crmContact(personId)).toMatchObject({ mobilephone: null, msengine_unreadablephone: 'mobile: ring efter kl 16' }));
    const view = (await (await fetch(`${stack.engineUrl}/admin/persons/${personId}`, { headers: await adminHeaders(stack) })).json()) as Record<string, unknown>;
    expect(view).toMatchObject({ id: personId, unreadablePhones: [{ field: 'primary', raw: 'ring efter kl 16' }], cprKnown: false });
    expect(view.cpr).toBeUndefined();
  });

  it('[OnlineFundraising1] a signed contact notification is answered 202 and becomes a person in Cosmos DB (with the consents given at signup and unmapped form fields kept) and a contact in Dataverse', async () => {
    signUp('of-100', { last_name: 'Sørensen', email: 'mette.sorensen@example.dk', phone: '22 33 44 55', phone_secondary: '+46 70 123 45 67' });
    const delivery = await notify('of-100');
    expect(delivery.status).toBe(202);
    const personId = personIdOf('of-100');
    const contact = await eventually(() => crmContact(personId) ?? Promise.reject(new Error('no CRM contact yet')));
    expect(contact).toMatchObject({
      contactid: personId,
      firstname: 'Mette',
      lastname: 'Sørensen',
      emailaddress1: 'mette.sorensen@example.dk',
      mobilephone: '+4522334455',
      telephone2: '+46701234567',
      address1_line1: 'Fælledvej 12',
      address1_postalcode: '2200',
      address1_city: 'København N',
      address1_country: 'DK',
      msengine_ofcontactid: 'of-100',
      msengine_campaigncode: 'KLIMA2026',
    });
    const person = await storedPerson(personId);
    expect(person).toMatchObject({
      id: personId,
      phones: { primary: '+4522334455', secondary: '+46701234567' },
      campaignCode: 'KLIMA2026',
      signupConsents: [
        { channel: 'email', given: true, at: '2026-11-24T08:00:00.000Z', source: 'KLIMA2026' },
        { channel: 'sms', given: false, at: '2026-11-24T08:00:00.000Z', source: 'KLIMA2026' },
      ],
      customFields: { tshirt_size: 'M' },
    });
  });

  it('[OnlineFundraising1] a company signup becomes an account in Dataverse with the form\'s contact person linked to it', async () => {
    signUp('of-200', { company: { name: 'Grøn Kaffe ApS', cvr: '12345678' } });
    await notify('of-200');
    const personId = personIdOf('of-200');
    const contact = await eventually(() => crmContact(personId) ?? Promise.reject(new Error('no CRM contact yet')));
    const person = await storedPerson(personId);
    // The account gets its primary contact in a write after the contact's own, so it is waited for too.
    await eventually(() => expect(stack.dataverse.row('accounts', person!.company!.id)).toMatchObject({ name: 'Grøn Kaffe ApS', msengine_cvr: '12345678', _primarycontactid_value: personId }));
    expect(contact._parentcustomerid_value).toBe(person!.company!.id);
  });

  it('[OnlineFundraising1] the same notification twice leaves one person and one CRM contact with the newest data', async () => {
    signUp('of-300');
    await notify('of-300');
    const personId = personIdOf('of-300');
    await eventually(() => crmContact(personId) ?? Promise.reject(new Error('no CRM contact yet')));
    signUp('of-300', { first_name: 'Mette Marie' });
    await Promise.all([notify('of-300', 'updated'), notify('of-300', 'updated')]);
    await eventually(() => expect(crmContact(personId)?.firstname).toBe('Mette Marie'));
    expect(stack.dataverse.rows('contacts').filter((row) => row.msengine_ofcontactid === 'of-300')).toHaveLength(1);
    const { resources } = await persons.items
      .query({ query: 'SELECT * FROM c WHERE c.onlineFundraising.contactId = @id', parameters: [{ name: '@id', value: 'of-300' }] })
      .fetchAll();
    expect(resources.map((person) => person.firstName)).toEqual(['Mette Marie']);
  });

  it('[OnlineFundraising1] OF answering with data older than the engine holds changes nothing (order-independent)', async () => {
    signUp('of-400', { first_name: 'Newer' });
    await notify('of-400', 'updated');
    const personId = personIdOf('of-400');
    await eventually(() => expect(crmContact(personId)?.firstname).toBe('Newer'));
    ofClockOffsetMs = -3_600_000;
    of().delete('contact', 'of-400');
    signUp('of-400', { first_name: 'Older' });
    ofClockOffsetMs = 0;
    const patchesBefore = requestsTo(stack.dataverse.requests(), 'PATCH', `/api/data/v9.2/contacts(${personId})`).length;
    const readsBefore = requestsTo(of().requests(), 'GET', '/api/v1/contacts/of-400').length;
    await notify('of-400', 'created');
    await eventually(() => expect(requestsTo(of().requests(), 'GET', '/api/v1/contacts/of-400').length).toBeGreaterThan(readsBefore));
    await queueDrained(stack, queueNames.onlineFundraisingNotifications);
    expect((await storedPerson(personId))?.firstName).toBe('Newer');
    expect(crmContact(personId)?.firstname).toBe('Newer');
    expect(requestsTo(stack.dataverse.requests(), 'PATCH', `/api/data/v9.2/contacts(${personId})`)).toHaveLength(patchesBefore);
  });

  it('[OnlineFundraising2] a repeated notification with nothing new costs no CRM request', async () => {
    signUp('of-420');
    await notify('of-420');
    const personId = personIdOf('of-420');
    await eventually(() => expect(crmContact(personId)).toBeDefined());
    await queueDrained(stack, queueNames.onlineFundraisingNotifications);
    const patchesBefore = requestsTo(stack.dataverse.requests(), 'PATCH', `/api/data/v9.2/contacts(${personId})`).length;
    const readsBefore = requestsTo(of().requests(), 'GET', '/api/v1/contacts/of-420').length;
    await notify('of-420', 'updated');
    await eventually(() => expect(requestsTo(of().requests(), 'GET', '/api/v1/contacts/of-420').length).toBeGreaterThan(readsBefore));
    await queueDrained(stack, queueNames.onlineFundraisingNotifications);
    expect(requestsTo(stack.dataverse.requests(), 'PATCH', `/api/data/v9.2/contacts(${personId})`)).toHaveLength(patchesBefore);
  });

  it('[OnlineFundraising1] an older CRM write that lands after a newer one is corrected: the CRM ends with the newest person', async () => {
    signUp('of-450', { first_name: 'First' });
    const personId = personIdOf('of-450');
    const path = `/api/data/v9.2/contacts(${personId})`;
    stack.dataverse.injectFault({ method: 'PATCH', path, delayMs: 1_500, times: 1 });
    await notify('of-450');
    await eventually(async () => expect((await storedPerson(personId))?.firstName).toBe('First'));
    signUp('of-450', { first_name: 'Second' });
    await notify('of-450', 'updated');
    await eventually(() => expect(requestsTo(stack.dataverse.requests(), 'PATCH', path).length).toBeGreaterThanOrEqual(3));
    expect((await storedPerson(personId))?.firstName).toBe('Second');
    await eventually(() => expect(crmContact(personId)?.firstname).toBe('Second'));
  });

  it('[OnlineFundraising1] OF answers 500 twice, then 200: the message is processed once, nothing duplicated', async () => {
    signUp('of-500');
    of().injectFault({ method: 'GET', path: '/api/v1/contacts/of-500', status: 500, times: 2 });
    await notify('of-500');
    const personId = personIdOf('of-500');
    await eventually(() => crmContact(personId) ?? Promise.reject(new Error('no CRM contact yet')));
    const reads = requestsTo(of().requests(), 'GET', '/api/v1/contacts/of-500');
    expect(reads.map((request) => request.status)).toEqual([500, 500, 200]);
    expect(requestsTo(stack.dataverse.requests(), 'PATCH', `/api/data/v9.2/contacts(${personId})`)).toHaveLength(1);
    expect(stack.dataverse.rows('contacts').filter((row) => row.msengine_ofcontactid === 'of-500')).toHaveLength(1);
  });

  it('[OnlineFundraising1] Dataverse answers 429 with Retry-After: the engine waits as told and succeeds; nothing lost', async () => {
    signUp('of-600');
    const personId = personIdOf('of-600');
    const path = `/api/data/v9.2/contacts(${personId})`;
    stack.dataverse.injectFault({ method: 'PATCH', path, status: 429, retryAfterSeconds: 1, times: 1 });
    await notify('of-600');
    await eventually(() => crmContact(personId) ?? Promise.reject(new Error('no CRM contact yet')));
    const writes = requestsTo(stack.dataverse.requests(), 'PATCH', path);
    expect(writes.map((request) => request.status)).toEqual([429, 204]);
    expect(Date.parse(writes[1]!.at) - Date.parse(writes[0]!.at)).toBeGreaterThanOrEqual(950);
  });

  it('[OnlineFundraising1][NFR-Faults] a message still failing after hours lands in the poison queue, is listed with its error, and is processed (once) when replayed', async () => {
    signUp('of-700');
    of().injectFault({ method: 'GET', path: '/api/v1/contacts/of-700', status: 503, times: 1_000 });
    const delivery = await notify('of-700');
    const { messageId } = JSON.parse(delivery.responseBody) as { messageId: string };
    const letterOf = async () => ((await (await fetch(`${stack.engineUrl}/admin/dead-letters?status=retrying`, { headers: await adminHeaders(stack) })).json()) as { items: { id: string; status: string }[] }).items.find((item) => item.id === messageId);
    await eventually(async () => expect(await letterOf()).toMatchObject({ status: 'retrying' }));
    stackClock.advance(6 * 60 * 60_000); // still failing six hours later: given up
    const listed = await eventually(async () => {
      const response = await fetch(`${stack.engineUrl}/admin/dead-letters`, { headers: await adminHeaders(stack) });
      const page = (await response.json()) as { items: { id: string; failures: number; lastError: string; status: string; queue: string }[] };
      const letter = page.items.find((item) => item.id === messageId);
      if (!letter) throw new Error('not dead-lettered yet');
      return letter;
    });
    expect(listed).toMatchObject({ status: 'dead', queue: 'of-notifications' });
    expect(listed.failures).toBeGreaterThanOrEqual(2);
    expect(listed.lastError).toContain('503');
    const personId = personIdOf('of-700');
    expect(crmContact(personId)).toBeUndefined();

    of().clearFaults();
    // Two replays at once: one sends the message, the other is refused.
    const replays = await Promise.all([1, 2].map(async () => fetch(`${stack.engineUrl}/admin/dead-letters/${messageId}/replay`, { method: 'POST', headers: await adminHeaders(stack) })));
    expect(replays.map((replay) => replay.status).sort()).toEqual([202, 409]);
    await eventually(() => crmContact(personId) ?? Promise.reject(new Error('no CRM contact yet')));
    const after = (await (await fetch(`${stack.engineUrl}/admin/dead-letters`, { headers: await adminHeaders(stack) })).json()) as { items: { id: string }[] };
    expect(after.items.map((item) => item.id)).not.toContain(messageId);
    const again = await fetch(`${stack.engineUrl}/admin/dead-letters/${messageId}/replay`, { method: 'POST', headers: await adminHeaders(stack) });
    expect(again.status).toBe(409);
  });
});

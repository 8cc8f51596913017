import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Container } from '@azure/cosmos';
import { createCosmosClient } from '../../adapters/cosmos/cosmosClient.js';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import type { ConsentEntry } from '../../domain/consent/ConsentEntry.js';
import type { ConsentState } from '../../domain/consent/currentConsents.js';
import type { MirrorRecord } from '../../domain/mirror/MirrorRecord.js';
import type { Person } from '../../domain/person/Person.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { adminHeaders, personIdOf, queueDrained, startTestStack } from '../support/testStack.js';

let stack: LocalStack;
let persons: Container;
let mirror: Container;

beforeAll(async () => {
  stack = await startTestStack();
  const database = createCosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, database: 'ms-engine' }).database('ms-engine');
  persons = database.container(cosmosContainers.persons.id);
  mirror = database.container(cosmosContainers.mirror.id);
});
afterAll(() => stack.stop());

const admin = async (method: string, path: string, body?: unknown) =>
  fetch(`${stack.engineUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...(await adminHeaders(stack)) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
const consents = async (personId: string) => (await (await admin('GET', `/admin/persons/${personId}/consents`)).json()) as { entries: ConsentEntry[]; current: ConsentState[] };
const smsGranted = async (personId: string) => (await consents(personId)).current.find((state) => state.channel === 'sms' && state.topic === 'all')?.granted ?? false;

async function inboundSms(id: string, fields: { phone: string; keyword: string; text: string; received_at: string }) {
  stack.onlineFundraising.put('data_set', id, { type: 'sms_inbound', ...fields });
  await stack.onlineFundraising.sendWebhook({ entity: 'data_set', entityId: id, event: 'created' });
}

async function personsWithPhone(phone: string): Promise<Person[]> {
  const query = { query: 'SELECT * FROM c WHERE c.phones.primary = @phone AND NOT IS_DEFINED(c.mergedInto)', parameters: [{ name: '@phone', value: phone }] };
  return (await persons.items.query<Person>(query).fetchAll()).resources;
}

describe('[OnlineFundraising8] inbound SMS', () => {
  it('[OnlineFundraising8][OnlineFundraising9] STOP from a known number (written another way) lands on that person and withdraws SMS consent; staff can give it back on the person’s request', async () => {
    stack.onlineFundraising.put('contact', 'id-sms1', {
      first_name: 'Sanne',
      last_name: 'Bech',
      email: 'sanne@example.dk',
      phone: '26 11 22 33',
      consents: [{ channel: 'sms', given: true, at: '2026-05-01T10:00:00.000Z', source: 'KLIMA2026' }],
    });
    await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: 'id-sms1', event: 'created' });
    const personId = personIdOf('id-sms1');
    await eventually(async () => expect(await smsGranted(personId)).toBe(true));

    await inboundSms('ds-stop-1', { phone: '+4526112233', keyword: 'stop', text: 'stop', received_at: '2026-11-20T12:00:00.000Z' });
    await eventually(async () => expect(await smsGranted(personId)).toBe(false));
    const withdrawal = (await consents(personId)).entries.find((entry) => entry.action === 'withdrawn')!;
    expect(withdrawal).toMatchObject({ channel: 'sms', at: '2026-11-20T12:00:00.000Z', source: { kind: 'sms-keyword', id: 'STOP' }, campaignCode: 'SMS-AFMELD', consentText: 'stop' });
    const sms = (await mirror.items.query<MirrorRecord>({ query: "SELECT * FROM c WHERE c.ofId = 'ds-stop-1'" }).fetchAll()).resources[0]!;
    expect(sms.personId).toBe(personId);
    expect(await personsWithPhone('+4526112233')).toHaveLength(1);

    await inboundSms('ds-stop-1', { phone: '+4526112233', keyword: 'stop', text: 'stop', received_at: '2026-11-20T12:00:00.000Z' });
    const restored = await admin('POST', `/admin/persons/${personId}/consents`, {
      changes: [{ channel: 'sms', topic: 'all', action: 'granted' }],
      enteredBy: 'ms@ms.dk',
      personsRequest: 'wrote to member service asking for SMS again',
    });
    expect(restored.status).toBe(201);
    expect(await smsGranted(personId)).toBe(true);
    expect((await consents(personId)).entries.filter((entry) => entry.source.kind === 'sms-keyword')).toHaveLength(1);
  });

  it('[OnlineFundraising8] an SMS from an unknown number creates a person known by that number; the next SMS from it lands on the same person', async () => {
    await inboundSms('ds-new-1', { phone: '26 99 88 77', keyword: 'KLIMA', text: 'KLIMA ja', received_at: '2026-11-21T08:00:00.000Z' });
    const [created] = await eventually(async () => {
      const found = await personsWithPhone('+4526998877');
      expect(found).toHaveLength(1);
      return found;
    });
    await eventually(() => expect(stack.dataverse.row('contacts', created!.id)).toBeDefined());
    await inboundSms('ds-new-2', { phone: '+45 26998877', keyword: 'AFMELD', text: 'afmeld', received_at: '2026-11-22T08:00:00.000Z' });
    await eventually(async () => expect((await consents(created!.id)).entries).toHaveLength(1));
    expect(await personsWithPhone('+4526998877')).toHaveLength(1);
  });

  it('[OnlineFundraising9] a marketing-list keyword puts the sender on the list', async () => {
    const scheduled = await admin('POST', '/admin/keywords', { keyword: 'HAV', campaignCode: 'HAV2026', validFrom: '2026-01-01', action: { kind: 'add-to-marketing-list', list: 'hav-sms' } });
    expect(scheduled.status).toBe(201);
    await inboundSms('ds-hav-1', { phone: '26 12 98 76', keyword: 'hav', text: 'HAV', received_at: '2026-11-23T10:00:00.000Z' });
    await eventually(async () => {
      const { members } = (await (await admin('GET', '/admin/marketing-lists/hav-sms')).json()) as { members: { campaignCode: string; source: { kind: string } }[] };
      expect(members).toMatchObject([{ campaignCode: 'HAV2026', source: { kind: 'sms-keyword' } }]);
    });
  });

  it('[OnlineFundraising9][OnlineFundraising15] a petition keyword signs the petition; the sender new to MS is a new lead, a known one is not', async () => {
    const scheduled = await admin('POST', '/admin/keywords', { keyword: 'SKOV', campaignCode: 'SKOV2026_NRF', validFrom: '2026-01-01', action: { kind: 'create-signature', petitionId: 'skov-2026' } });
    expect(scheduled.status).toBe(201);
    stack.onlineFundraising.put('contact', 'id-sms3', { first_name: 'Kim', last_name: 'Lind', email: 'kim@example.dk', phone: '26 55 44 33' });
    await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: 'id-sms3', event: 'created' });
    await eventually(() => expect(stack.dataverse.row('contacts', personIdOf('id-sms3'))).toBeDefined());

    await inboundSms('ds-skov-1', { phone: '26 55 44 33', keyword: 'skov', text: 'SKOV', received_at: '2026-11-23T08:00:00.000Z' });
    await inboundSms('ds-skov-2', { phone: '26 66 77 88', keyword: 'SKOV', text: 'SKOV ja', received_at: '2026-11-23T09:00:00.000Z' });
    const counts = async () => (await (await admin('GET', '/admin/petitions/skov-2026/counts')).json()) as { all: number; newLeads: number };
    await eventually(async () => expect(await counts()).toMatchObject({ all: 2, newLeads: 1 }));
    await inboundSms('ds-skov-2', { phone: '26 66 77 88', keyword: 'SKOV', text: 'SKOV ja', received_at: '2026-11-23T09:00:00.000Z' });
    await queueDrained(stack, 'of-notifications');
    expect(await counts()).toMatchObject({ all: 2, newLeads: 1 });
  });
});

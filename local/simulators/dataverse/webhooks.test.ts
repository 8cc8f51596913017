import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DataverseSimulator, defaultApplicationUserId, defaultStaffUserId, startDataverseSimulator } from './server.js';
import { StaffOperationError } from './SimulatorControl.js';
import { type TestWebhookReceiver, startTestWebhookReceiver } from './testWebhookReceiver.js';
import { accessToken, api, crlf, guid } from './testRequests.js';

let sim: DataverseSimulator;
let token: string;
let receiver: TestWebhookReceiver;

beforeAll(async () => {
  sim = await startDataverseSimulator();
  token = await accessToken(sim);
  receiver = await startTestWebhookReceiver();
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});
beforeEach(() => {
  sim.reset();
  sim.clearWebhooks();
  receiver.received.length = 0;
});

type Json = Record<string, unknown>;

const contactRef = (contactid: string) => ({ '@odata.type': 'Microsoft.Dynamics.CRM.contact', contactid });
const mergeContacts = (targetId: string, subordinateId: string) =>
  api(sim, token, 'POST', 'Merge', { body: { Target: contactRef(targetId), Subordinate: contactRef(subordinateId), PerformParentingChecks: false } });
const parameter = (context: Json, key: string) => (context['InputParameters'] as { key: string; value: unknown }[]).find((entry) => entry.key === key)?.value;
const attributes = (entity: unknown) => Object.fromEntries(((entity as Json)['Attributes'] as { key: string; value: unknown }[]).map(({ key, value }) => [key, value]));

async function givenTwoContacts(): Promise<void> {
  await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { firstname: 'Karen', lastname: 'Jensen' } });
  await api(sim, token, 'PATCH', `contacts(${guid.contact2})`, { body: { firstname: 'Karen', lastname: 'Jensen' } });
}

describe('[OnlineFundraising13] webhooks on Merge', () => {
  it('a Merge through the API posts the RemoteExecutionContext to each webhook, authenticated each of the three ways', async () => {
    await givenTwoContacts();
    sim.registerWebhook({ url: `${receiver.url}/header`, messages: ['Merge'], entity: 'contact', auth: { kind: 'httpHeader', name: 'x-ms-engine-webhook-key', value: 'header-secret' } });
    sim.registerWebhook({ url: `${receiver.url}/key`, messages: ['Merge'], entity: 'contact', auth: { kind: 'webhookKey', value: 'key-secret' } });
    sim.registerWebhook({ url: `${receiver.url}/query?x=1`, messages: ['Merge', 'Update'], entity: 'contact', auth: { kind: 'httpQueryString', name: 'token', value: 'query-secret' } });
    const whoAmI = (await (await api(sim, token, 'GET', 'WhoAmI')).json()) as Json;

    expect((await mergeContacts(guid.contact1, guid.contact2)).status).toBe(204);
    const deliveries = await sim.webhooksSettled();

    expect(deliveries.map((delivery) => delivery.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(receiver.received.map((call) => call.url)).toEqual(['/header', '/key?code=key-secret', '/query?x=1&token=query-secret']);
    const [byHeader] = receiver.received;
    expect(byHeader?.headers).toMatchObject({
      'x-ms-engine-webhook-key': 'header-secret',
      'content-type': 'application/json',
      'x-ms-dynamics-request-name': 'Merge',
      'x-ms-dynamics-entity-name': 'contact',
      'x-ms-dynamics-organization': new URL(sim.url).host,
    });
    const context = byHeader!.body;
    expect(context).toMatchObject({
      MessageName: 'Merge',
      PrimaryEntityName: 'contact',
      PrimaryEntityId: guid.contact1,
      UserId: sim.applicationUserId,
      InitiatingUserId: sim.applicationUserId,
      BusinessUnitId: whoAmI['BusinessUnitId'],
      OrganizationId: whoAmI['OrganizationId'],
      Stage: 40,
      Mode: 1,
      Depth: 1,
      PostEntityImages: [],
      PreEntityImages: [],
      OutputParameters: [],
      OwningExtension: { LogicalName: 'sdkmessageprocessingstep' },
    });
    expect(context['CorrelationId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(context['OperationCreatedOn']).toMatch(/^\/Date\(\d+\)\/$/);
    expect(context['InputParameters']).toEqual([
      {
        key: 'Target',
        value: { __type: 'EntityReference:http://schemas.microsoft.com/xrm/2011/Contracts', Id: guid.contact1, KeyAttributes: [], LogicalName: 'contact', Name: null, RowVersion: null },
      },
      { key: 'SubordinateId', value: guid.contact2 },
      { key: 'UpdateContent', value: expect.objectContaining({ __type: 'Entity:http://schemas.microsoft.com/xrm/2011/Contracts', LogicalName: 'contact', Attributes: [] }) },
      { key: 'PerformParentingChecks', value: false },
    ]);
    expect(whoAmI['UserId']).toBe(defaultApplicationUserId);
  });

  it('a repeated or refused Merge sends nothing; a webhook for accounts gets nothing for contacts', async () => {
    await givenTwoContacts();
    sim.registerWebhook({ url: `${receiver.url}/accounts`, messages: ['Merge', 'Update'], entity: 'account', auth: { kind: 'webhookKey', value: 'k' } });
    sim.registerWebhook({ url: `${receiver.url}/contacts`, messages: ['Merge'], entity: 'contact', auth: { kind: 'webhookKey', value: 'k' } });

    await mergeContacts(guid.contact1, guid.contact2);
    await mergeContacts(guid.contact1, guid.contact2);
    await mergeContacts(guid.contact1, guid.contact3);
    await sim.webhooksSettled();

    expect(receiver.received.map((call) => `${call.url} ${String(call.body['MessageName'])}`)).toEqual(['/contacts?code=k Merge']);
  });

  it('staffMerge merges as a member of staff in Dynamics and resolves once its webhooks are delivered', async () => {
    await givenTwoContacts();
    sim.registerWebhook({ url: `${receiver.url}/hook`, messages: ['Merge'], entity: 'contact', auth: { kind: 'webhookKey', value: 'k' } });
    sim.clearRequests();

    const result = await sim.staffMerge(guid.contact1, guid.contact2, { updateContent: { emailaddress1: 'karen@example.dk' } });
    const byOtherStaff = await sim.staffMerge(guid.contact3, guid.contact1, { userId: '99999999-0000-4000-8000-000000000009' }).catch((error: unknown) => error);

    expect(result.outcome).toBe('merged');
    expect(result.deliveries).toEqual([expect.objectContaining({ status: 'delivered', httpStatus: 202, message: 'Merge', userId: defaultStaffUserId })]);
    expect(sim.staffUserId).toBe(defaultStaffUserId);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.body).toMatchObject({ UserId: defaultStaffUserId, InitiatingUserId: defaultStaffUserId, PrimaryEntityId: guid.contact1 });
    expect(attributes(parameter(receiver.received[0]!.body, 'UpdateContent'))).toEqual({ emailaddress1: 'karen@example.dk' });
    expect(sim.row('contacts', guid.contact2)).toMatchObject({ merged: true, _masterid_value: guid.contact1, statecode: 1, statuscode: 2 });
    expect(sim.requests()).toEqual([]);
    expect(byOtherStaff).toBeInstanceOf(StaffOperationError);
    expect(byOtherStaff).toMatchObject({ status: 404, code: '0x80040217' });
  });
});

describe('webhooks on Update', () => {
  it('an update of an existing contact (PATCH) posts the columns written as the Target entity; creating one posts nothing', async () => {
    sim.registerWebhook({ url: `${receiver.url}/update`, messages: ['Update'], entity: 'contact', auth: { kind: 'httpHeader', name: 'x-key', value: 's' } });
    sim.registerWebhook({ url: `${receiver.url}/merge-only`, messages: ['Merge'], entity: 'contact', auth: { kind: 'httpHeader', name: 'x-key', value: 's' } });
    await api(sim, token, 'PATCH', `accounts(${guid.account1})`, { body: { name: 'Firma ApS' } });
    await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { firstname: 'Karen' } });
    await sim.webhooksSettled();
    expect(receiver.received).toEqual([]);

    await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, {
      body: { lastname: 'Jensen', msengine_ofupdatedon: '2024-06-01T08:30:00Z', 'parentcustomerid_account@odata.bind': `/accounts(${guid.account1})` },
    });
    await sim.webhooksSettled();

    expect(receiver.received.map((call) => call.url)).toEqual(['/update']);
    const context = receiver.received[0]!.body;
    expect(context).toMatchObject({ MessageName: 'Update', PrimaryEntityName: 'contact', PrimaryEntityId: guid.contact1, UserId: sim.applicationUserId, Stage: 40, Mode: 1 });
    const target = parameter(context, 'Target') as Json;
    expect(target).toMatchObject({ __type: 'Entity:http://schemas.microsoft.com/xrm/2011/Contracts', Id: guid.contact1, LogicalName: 'contact' });
    expect(attributes(target)).toEqual({
      contactid: guid.contact1,
      lastname: 'Jensen',
      msengine_ofupdatedon: `/Date(${Date.parse('2024-06-01T08:30:00Z')})/`,
      parentcustomerid: expect.objectContaining({ __type: 'EntityReference:http://schemas.microsoft.com/xrm/2011/Contracts', Id: guid.account1, LogicalName: 'account' }),
      modifiedon: expect.stringMatching(/^\/Date\(\d+\)\/$/),
    });
  });

  it('inside a $batch: updates of a kept change set are posted, those of a failed one are not', async () => {
    sim.registerWebhook({ url: `${receiver.url}/update`, messages: ['Update'], entity: 'contact', auth: { kind: 'webhookKey', value: 'k' } });
    await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { lastname: 'One' } });
    await api(sim, token, 'PATCH', `contacts(${guid.contact2})`, { body: { lastname: 'Two' } });
    const changeSet = (...patches: [string, Json][]) =>
      crlf(
        '--batch_W',
        'Content-Type: multipart/mixed; boundary=changeset_W',
        '',
        ...patches.flatMap(([id, body], index) => [
          '--changeset_W',
          'Content-Type: application/http',
          `Content-ID: ${index + 1}`,
          '',
          `PATCH contacts(${id}) HTTP/1.1`,
          'Content-Type: application/json',
          '',
          JSON.stringify(body),
        ]),
        '--changeset_W--',
        '--batch_W--',
        '',
      );
    const post = (body: string) =>
      fetch(`${sim.apiUrl}/$batch`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/mixed; boundary=batch_W' }, body }).then((response) => response.text());

    await post(changeSet([guid.contact1, { jobtitle: 'A' }], [guid.contact2, { shoesize: 1 }]));
    await post(changeSet([guid.contact1, { jobtitle: 'B' }], [guid.contact2, { jobtitle: 'C' }]));
    await sim.webhooksSettled();

    expect(receiver.received.map((call) => [call.body['PrimaryEntityId'], attributes(parameter(call.body, 'Target'))['jobtitle']])).toEqual([
      [guid.contact1, 'B'],
      [guid.contact2, 'C'],
    ]);
    expect(receiver.received[0]?.body['CorrelationId']).toBe(receiver.received[1]?.body['CorrelationId']);
  });

  it('staffUpdate edits as a member of staff, as the user given; it never creates a row', async () => {
    sim.registerWebhook({ url: `${receiver.url}/update`, messages: ['Update'], entity: 'contact', auth: { kind: 'webhookKey', value: 'k' } });
    await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { lastname: 'Jensen' } });
    const colleague = '5aff5aff-0000-4000-8000-000000000002';

    const { deliveries } = await sim.staffUpdate('contacts', guid.contact1, { donotemail: true }, { userId: colleague });
    const missing = await sim.staffUpdate('contacts', guid.contact2, { lastname: 'X' }).catch((error: unknown) => error);

    expect(deliveries).toEqual([expect.objectContaining({ status: 'delivered', userId: colleague })]);
    expect(receiver.received[0]?.body).toMatchObject({ MessageName: 'Update', UserId: colleague, InitiatingUserId: colleague });
    expect(sim.row('contacts', guid.contact1)?.['donotemail']).toBe(true);
    expect(missing).toMatchObject({ status: 404 });
    expect(sim.row('contacts', guid.contact2)).toBeUndefined();
  });
});

describe('failed deliveries and the control API', () => {
  it('a webhook that fails or cannot be reached is recorded as failed; the operation still succeeds', async () => {
    const failing = await startTestWebhookReceiver(500);
    const gone = await startTestWebhookReceiver();
    await gone.close();
    sim.registerWebhook({ url: failing.url, messages: ['Merge'], entity: 'contact', auth: { kind: 'webhookKey', value: 'k' } });
    sim.registerWebhook({ url: gone.url, messages: ['Merge'], entity: 'contact', auth: { kind: 'webhookKey', value: 'k' } });
    await givenTwoContacts();

    const merged = await mergeContacts(guid.contact1, guid.contact2);
    const deliveries = await sim.webhooksSettled();
    await failing.close();

    expect(merged.status).toBe(204);
    expect(deliveries).toEqual([
      expect.objectContaining({ status: 'failed', httpStatus: 500, error: 'the webhook answered 500' }),
      expect.objectContaining({ status: 'failed', error: expect.any(String) }),
    ]);
    expect(sim.row('contacts', guid.contact2)?.['merged']).toBe(true);
  });

  it('registers, lists and removes webhooks, and lists deliveries, over /_sim; reset keeps the webhooks', async () => {
    const control = (method: string, path: string, body?: unknown) =>
      fetch(`${sim.url}/_sim${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });

    const invalid = await control('POST', '/webhooks', { url: 'not a url', messages: ['Create'], entity: 'contact', auth: { kind: 'webhookKey', value: 'k' } });
    const created = await control('POST', '/webhooks', { url: `${receiver.url}/sim`, messages: ['Merge'], entity: 'contact', auth: { kind: 'webhookKey', value: 'k' } });
    const webhook = (await created.json()) as Json;
    sim.reset();
    await givenTwoContacts();
    const staffMerge = await control('POST', '/staff/merge', { targetId: guid.contact1, subordinateId: guid.contact2 });
    const refused = await control('POST', '/staff/merge', { targetId: guid.contact1, subordinateId: guid.contact1 });
    const deliveries = (await (await control('GET', '/webhook-deliveries?wait=true')).json()) as Json[];
    const listed = (await (await control('GET', '/webhooks')).json()) as Json[];
    const removed = await control('DELETE', `/webhooks/${String(webhook['id'])}`);

    expect(invalid.status).toBe(400);
    expect(created.status).toBe(201);
    expect(webhook).toMatchObject({ id: expect.any(String), url: `${receiver.url}/sim`, messages: ['Merge'], entity: 'contact' });
    expect(staffMerge.status).toBe(200);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: Json }).error['code']).toBe('0x80040203');
    expect(deliveries).toEqual([expect.objectContaining({ webhookId: webhook['id'], status: 'delivered', userId: defaultStaffUserId })]);
    expect(listed.map((entry) => entry['id'])).toEqual([webhook['id']]);
    expect(removed.status).toBe(204);
    expect(sim.webhooks()).toEqual([]);
  });
});

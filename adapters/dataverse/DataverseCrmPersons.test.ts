import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DataverseSimulator, startDataverseSimulator } from '../../local/simulators/dataverse/server.js';
import { startTestWebhookReceiver } from '../../local/simulators/dataverse/testWebhookReceiver.js';
import { HttpError } from '../http/HttpError.js';
import { DataverseCrmPersons } from './DataverseCrmPersons.js';
import { dataverseClientFor } from './testClient.js';
import { aCompanyPerson, aPerson } from './testPersons.js';

let sim: DataverseSimulator;

beforeAll(async () => {
  sim = await startDataverseSimulator();
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  sim.setThrottle({ maxRequests: 6000, windowMs: 300_000 });
});

const crmOn = (simulator: DataverseSimulator, overrides: Parameters<typeof dataverseClientFor>[1] = {}) =>
  new DataverseCrmPersons(dataverseClientFor(simulator, overrides));

describe('DataverseCrmPersons.upsertPerson', () => {
  it('writes the person as the contact with the same id, with the mapped columns', async () => {
    const person = aPerson();

    await crmOn(sim).upsertPerson(person);

    expect(sim.rows('contacts')).toEqual([
      expect.objectContaining({
        contactid: person.id,
        firstname: 'Karen',
        lastname: 'Jensen',
        emailaddress1: 'karen@example.dk',
        emailaddress2: 'kj@work.example.dk',
        mobilephone: '+4512345678',
        telephone2: '+4587654321',
        address1_line1: 'Fælledvej 12',
        address1_line2: '2. tv.',
        address1_postalcode: '2200',
        address1_city: 'København N',
        address1_country: 'DK',
        msengine_ofcontactid: 'of-contact-81',
        msengine_campaigncode: 'SOMMER24',
        _parentcustomerid_value: null,
      }),
    ]);
    expect(sim.rows('accounts')).toEqual([]);
  });

  it('writing the same person twice leaves exactly one contact with the newest values, removed values cleared', async () => {
    const crm = crmOn(sim);
    const person = aPerson();
    await crm.upsertPerson(person);

    const { address: _moved, ...withoutAddress } = person;
    await crm.upsertPerson({ ...withoutAddress, lastName: 'Jensen-Holm', emails: ['karen@example.dk'], phones: { primary: '+4512345678' } });

    const rows = sim.rows('contacts');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      contactid: person.id,
      lastname: 'Jensen-Holm',
      emailaddress2: null,
      telephone2: null,
      address1_line1: null,
      address1_city: null,
      address1_country: null,
    });
  });

  it('writes a company person as a contact and an account linked both ways', async () => {
    const person = aCompanyPerson();
    const companyId = person.company?.id ?? '';

    await crmOn(sim).upsertPerson(person);
    await crmOn(sim).upsertPerson(person);

    expect(sim.rows('accounts')).toEqual([
      expect.objectContaining({ accountid: companyId, name: 'Jensen Tømrer ApS', msengine_cvr: '12345678', _primarycontactid_value: person.id }),
    ]);
    expect(sim.rows('contacts')).toEqual([expect.objectContaining({ contactid: person.id, _parentcustomerid_value: companyId })]);
  });

  it('[OnlineFundraising1] Dataverse answers 429 with Retry-After: the adapter waits as told and the write succeeds, nothing lost', async () => {
    const person = aCompanyPerson();
    sim.injectFault({ method: 'PATCH', path: '/api/data/v9.2/contacts(*)', status: 429, retryAfterSeconds: 1 });

    await crmOn(sim, { retryPolicy: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 5_000, maxRetryAfterMs: 60_000 } }).upsertPerson(
      person,
    );

    const contactWrites = sim.requests().filter((entry) => entry.method === 'PATCH' && entry.path === `/api/data/v9.2/contacts(${person.id})`);
    expect(contactWrites.map((entry) => entry.status)).toEqual([429, 204]);
    const [throttled, retried] = contactWrites;
    expect(Date.parse(retried!.at) - Date.parse(throttled!.at)).toBeGreaterThanOrEqual(950);
    expect(sim.rows('contacts')).toEqual([expect.objectContaining({ contactid: person.id, lastname: 'Jensen', _parentcustomerid_value: person.company?.id })]);
    expect(sim.rows('accounts')).toEqual([expect.objectContaining({ accountid: person.company?.id, _primarycontactid_value: person.id })]);
  });

  it("waits out Dataverse's own service protection limit the same way", async () => {
    const person = aCompanyPerson();
    sim.setThrottle({ maxRequests: 2, windowMs: 1_000 });

    await crmOn(sim).upsertPerson(person);

    expect(sim.requests().map((entry) => entry.status)).toEqual([200, 204, 204, 429, 204]);
    expect(sim.row('accounts', person.company?.id ?? '')?.['_primarycontactid_value']).toBe(person.id);
  });

  it('surfaces a 5xx that never recovers as HttpError, and the next attempt completes without duplicates', async () => {
    const person = aCompanyPerson();
    sim.injectFault({ method: 'PATCH', path: '/api/data/v9.2/contacts(*)', status: 503, times: 3 });

    const error = await crmOn(sim).upsertPerson(person).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ service: 'Dataverse', status: 503 });
    expect(sim.rows('contacts')).toEqual([]);
    expect(sim.rows('accounts')).toHaveLength(1);

    await crmOn(sim).upsertPerson(person);

    expect(sim.rows('contacts')).toHaveLength(1);
    expect(sim.rows('accounts')).toEqual([expect.objectContaining({ accountid: person.company?.id, _primarycontactid_value: person.id })]);
  });
});

describe('[OnlineFundraising13] DataverseCrmPersons.mergePersons', () => {
  const survivor = aPerson();
  const merged = aPerson({ id: '5d1c2a9e-7c1f-4a51-9a0e-000000000003', emails: ['karen.old@example.dk'] });

  it("merges the merged person's contact into the survivor's with the Merge action: deactivated, pointed at the survivor, related rows moved", async () => {
    const crm = crmOn(sim);
    await crm.upsertPerson(survivor);
    await crm.upsertPerson(merged);
    const agreementId = 'a9a9a9a9-0000-4000-8000-000000000001';
    await dataverseClientFor(sim).upsert('msengine_agreements', agreementId, { msengine_ofid: 'of-agr-1', 'msengine_contactid@odata.bind': `/contacts(${merged.id})` });
    sim.clearRequests();

    await crm.mergePersons(survivor.id, merged.id);

    expect(sim.requests().filter((entry) => entry.path.startsWith('/api/')).map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      'POST /api/data/v9.2/Merge 204',
    ]);
    expect(sim.row('contacts', merged.id)).toMatchObject({ statecode: 1, statuscode: 2, merged: true, _masterid_value: survivor.id });
    expect(sim.row('contacts', survivor.id)).toMatchObject({ statecode: 0, merged: false, emailaddress1: 'karen@example.dk' });
    expect(sim.row('msengine_agreements', agreementId)?.['_msengine_contactid_value']).toBe(survivor.id);
  });

  it('is harmless to repeat, also where Dataverse refuses the repeat (400: the subordinate is inactive)', async () => {
    const crm = crmOn(sim);
    await crm.upsertPerson(survivor);
    await crm.upsertPerson(merged);
    await crm.mergePersons(survivor.id, merged.id);
    sim.injectFault({
      method: 'POST',
      path: '/api/data/v9.2/Merge',
      status: 400,
      body: { error: { code: '0x80040203', message: `sub-entity:contact-${merged.id} is deactive` } },
    });

    await crm.mergePersons(survivor.id, merged.id);
    await crm.mergePersons(survivor.id, merged.id);

    expect(sim.requests().filter((entry) => entry.path === '/api/data/v9.2/Merge').map((entry) => entry.status)).toEqual([204, 400, 204]);
    expect(sim.row('contacts', merged.id)).toMatchObject({ merged: true, _masterid_value: survivor.id });
  });

  it('a merge whose answer was lost (5xx after the fact) is retried and completes', async () => {
    const crm = crmOn(sim);
    await crm.upsertPerson(survivor);
    await crm.upsertPerson(merged);
    sim.injectFault({ method: 'POST', path: '/api/data/v9.2/Merge', status: 503, times: 2 });

    await crm.mergePersons(survivor.id, merged.id);

    expect(sim.requests().filter((entry) => entry.path === '/api/data/v9.2/Merge').map((entry) => entry.status)).toEqual([503, 503, 204]);
    expect(sim.row('contacts', merged.id)?.['merged']).toBe(true);
  });

  it('is done when the merged person has no contact in the CRM: nothing to merge', async () => {
    await crmOn(sim).upsertPerson(survivor);

    await crmOn(sim).mergePersons(survivor.id, merged.id);

    expect(sim.row('contacts', survivor.id)).toMatchObject({ statecode: 0, merged: false });
    expect(sim.row('contacts', merged.id)).toBeUndefined();
  });

  it('throws HttpError when the survivor has no contact yet, or the merged contact was merged into another one', async () => {
    const crm = crmOn(sim);
    await crm.upsertPerson(merged);
    const noSurvivor = await crm.mergePersons(survivor.id, merged.id).catch((caught: unknown) => caught);
    const other = aPerson({ id: '5d1c2a9e-7c1f-4a51-9a0e-000000000004' });
    await crm.upsertPerson(survivor);
    await crm.upsertPerson(other);
    await crm.mergePersons(other.id, merged.id);

    const mergedElsewhere = await crm.mergePersons(survivor.id, merged.id).catch((caught: unknown) => caught);

    expect(noSurvivor).toBeInstanceOf(HttpError);
    expect(noSurvivor).toMatchObject({ service: 'Dataverse', status: 404 });
    expect(mergedElsewhere).toBeInstanceOf(HttpError);
    expect(mergedElsewhere).toMatchObject({ status: 400 });
    expect((mergedElsewhere as HttpError).detail).toContain('is deactive');
    expect(sim.row('contacts', merged.id)?.['_masterid_value']).toBe(other.id);
  });

  it('a Merge webhook registered in Dataverse reports the merge as done by the application user', async () => {
    const receiver = await startTestWebhookReceiver();
    const webhook = sim.registerWebhook({ url: `${receiver.url}/webhooks/dataverse`, messages: ['Merge'], entity: 'contact', auth: { kind: 'webhookKey', value: 'k' } });
    try {
      const crm = crmOn(sim);
      await crm.upsertPerson(survivor);
      await crm.upsertPerson(merged);

      await crm.mergePersons(survivor.id, merged.id);
      await sim.webhooksSettled();

      expect(receiver.received.map((call) => call.body)).toEqual([
        expect.objectContaining({ MessageName: 'Merge', PrimaryEntityId: survivor.id, UserId: sim.applicationUserId, InputParameters: expect.arrayContaining([{ key: 'SubordinateId', value: merged.id }]) }),
      ]);
    } finally {
      sim.unregisterWebhook(webhook.id);
      await receiver.close();
    }
  });
});

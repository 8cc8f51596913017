import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DataverseSimulator, startDataverseSimulator } from '../../local/simulators/dataverse/server.js';
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
        msengine_ofupdatedon: '2024-06-01T08:30:00Z',
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

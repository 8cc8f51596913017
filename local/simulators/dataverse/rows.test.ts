import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DataverseSimulator, startDataverseSimulator } from './server.js';
import { accessToken, api, guid } from './testRequests.js';

let sim: DataverseSimulator;
let token: string;

beforeAll(async () => {
  sim = await startDataverseSimulator();
  token = await accessToken(sim);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

type Json = Record<string, unknown>;

describe('PATCH <entitySet>(<id>): upsert', () => {
  it('creates the row with that id when it is missing, then updates it: one row, newest values', async () => {
    const created = await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { firstname: 'Anna', lastname: 'Berg' } });
    const updated = await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { firstname: 'Anne' } });

    expect([created.status, updated.status]).toEqual([204, 204]);
    expect(created.headers.get('odata-entityid')).toBe(`${sim.apiUrl}/contacts(${guid.contact1})`);
    expect(created.headers.get('odata-version')).toBe('4.0');
    const rows = sim.rows('contacts');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ contactid: guid.contact1, firstname: 'Anne', lastname: 'Berg', fullname: 'Anne Berg' });
  });

  it('answers 201 then 200 with the row under Prefer: return=representation', async () => {
    const prefer = { prefer: 'return=representation' };
    const created = await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { firstname: 'Anna' }, headers: prefer });
    const updated = await api(sim, token, 'PATCH', `contacts(${guid.contact1})?$select=firstname`, { body: { firstname: 'Anne' }, headers: prefer });

    expect(created.status).toBe(201);
    const createdRow = (await created.json()) as Json;
    expect(createdRow).toMatchObject({ contactid: guid.contact1, firstname: 'Anna', lastname: null, statecode: 0 });
    expect(createdRow['@odata.etag']).toMatch(/^W\/"\d+"$/);
    expect(createdRow['createdon']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(updated.status).toBe(200);
    const updatedRow = (await updated.json()) as Json;
    expect(Object.keys(updatedRow)).toEqual(['@odata.context', '@odata.etag', 'firstname', 'contactid']);
    expect(updatedRow['@odata.etag']).not.toBe(createdRow['@odata.etag']);
  });

  it('with If-Match: * only updates (404 when missing); with If-None-Match: * only creates (412 when it exists)', async () => {
    const updateMissing = await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { firstname: 'A' }, headers: { 'if-match': '*' } });
    const create = await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { firstname: 'A' }, headers: { 'if-none-match': '*' } });
    const createAgain = await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { firstname: 'B' }, headers: { 'if-none-match': '*' } });

    expect(updateMissing.status).toBe(404);
    expect(await updateMissing.json()).toEqual({ error: { code: '0x80040217', message: `Entity 'contact' With Id = ${guid.contact1} Does Not Exist` } });
    expect(create.status).toBe(204);
    expect(createAgain.status).toBe(412);
    expect(((await createAgain.json()) as { error: Json }).error['code']).toBe('0x80040237');
    expect(sim.row('contacts', guid.contact1)?.['firstname']).toBe('A');
  });

  it('with If-Match: <etag> updates only the version it names', async () => {
    await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { firstname: 'A' } });
    const etag = String(sim.row('contacts', guid.contact1)?.['@odata.etag']);
    await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { firstname: 'B' } });

    const stale = await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { firstname: 'C' }, headers: { 'if-match': etag } });
    const current = String(sim.row('contacts', guid.contact1)?.['@odata.etag']);
    const fresh = await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { firstname: 'D' }, headers: { 'if-match': current } });

    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { error: Json }).error['code']).toBe('0x80060882');
    expect(fresh.status).toBe(204);
    expect(sim.row('contacts', guid.contact1)?.['firstname']).toBe('D');
  });

  it('stores <navprop>@odata.bind as the lookup _<lookup>_value, and null clears it', async () => {
    await api(sim, token, 'PATCH', `accounts(${guid.account1})`, { body: { name: 'Firma ApS' } });
    await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { lastname: 'Berg', 'parentcustomerid_account@odata.bind': `/accounts(${guid.account1})` } });
    await api(sim, token, 'PATCH', `accounts(${guid.account1})`, { body: { 'primarycontactid@odata.bind': `/contacts(${guid.contact1})` } });

    expect(sim.row('contacts', guid.contact1)?.['_parentcustomerid_value']).toBe(guid.account1);
    expect(sim.row('accounts', guid.account1)?.['_primarycontactid_value']).toBe(guid.contact1);

    await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { 'parentcustomerid_account@odata.bind': null } });
    expect(sim.row('contacts', guid.contact1)?.['_parentcustomerid_value']).toBeNull();
  });

  it('refuses a bind to a row that does not exist and a direct write of the lookup value', async () => {
    const missingTarget = await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { 'parentcustomerid_account@odata.bind': `/accounts(${guid.account1})` } });
    const directLookup = await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { _parentcustomerid_value: guid.account1 } });

    expect(missingTarget.status).toBe(404);
    expect(((await missingTarget.json()) as { error: Json }).error['code']).toBe('0x80040217');
    expect(directLookup.status).toBe(400);
    expect(sim.rows('contacts')).toEqual([]);
  });

  it('answers 400 with the Dataverse error body for an unknown column, a wrong type and too long text', async () => {
    const unknown = await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { favouritecolour: 'blue' } });
    const wrongType = await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { firstname: 42 } });
    const tooLong = await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { firstname: 'x'.repeat(51) } });

    expect(await unknown.json()).toEqual({
      error: {
        code: '0x80060888',
        message: "The property 'favouritecolour' does not exist on type 'Microsoft.Dynamics.CRM.contact'. Make sure to only use property names that are defined by the type.",
      },
    });
    expect(wrongType.status).toBe(400);
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { error: Json }).error['code']).toBe('0x80044331');
    expect(sim.rows('contacts')).toEqual([]);
  });

  it('keeps date-time columns in UTC to the second', async () => {
    await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { msengine_ofupdatedon: '2024-05-01T12:34:56.789+02:00' } });

    expect(sim.row('contacts', guid.contact1)?.['msengine_ofupdatedon']).toBe('2024-05-01T10:34:56Z');
  });

  it('answers 400 for a key that is not a GUID and 404 for an unknown entity set', async () => {
    const badKey = await api(sim, token, 'PATCH', 'contacts(not-a-guid)', { body: { firstname: 'A' } });
    const unknownSet = await api(sim, token, 'GET', 'donkeys');

    expect(badKey.status).toBe(400);
    expect(((await badKey.json()) as { error: Json }).error['code']).toBe('0x80060888');
    expect(unknownSet.status).toBe(404);
    expect(await unknownSet.json()).toEqual({ error: { code: '0x8006088a', message: "Resource not found for the segment 'donkeys'." } });
  });
});

describe('POST, GET and DELETE', () => {
  it('creates with a new id, reads it back with $select, deletes it', async () => {
    const created = await api(sim, token, 'POST', 'contacts', { body: { firstname: 'Anna', lastname: 'Berg' } });
    expect(created.status).toBe(204);
    const entityId = created.headers.get('odata-entityid') ?? '';
    const id = /contacts\(([0-9a-f-]{36})\)$/.exec(entityId)?.[1] ?? '';

    const read = await api(sim, token, 'GET', `contacts(${id})?$select=firstname,lastname`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({
      '@odata.context': `${sim.apiUrl}/$metadata#contacts(firstname,lastname)/$entity`,
      '@odata.etag': sim.row('contacts', id)?.['@odata.etag'],
      firstname: 'Anna',
      lastname: 'Berg',
      contactid: id,
    });

    expect((await api(sim, token, 'DELETE', `contacts(${id})`)).status).toBe(204);
    const gone = await api(sim, token, 'GET', `contacts(${id})`);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { error: Json }).error['code']).toBe('0x80040217');
  });

  it('answers 201 with the row when POST asks for return=representation, and 412 for an id that exists', async () => {
    const created = await api(sim, token, 'POST', 'accounts', { body: { accountid: guid.account1, name: 'Firma ApS' }, headers: { prefer: 'return=representation' } });
    const duplicate = await api(sim, token, 'POST', 'accounts', { body: { accountid: guid.account1, name: 'Firma 2' } });

    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ accountid: guid.account1, name: 'Firma ApS' });
    expect(duplicate.status).toBe(412);
    expect(sim.rows('accounts')).toHaveLength(1);
  });

  it('clears lookups that pointed at a deleted row', async () => {
    await api(sim, token, 'PATCH', `accounts(${guid.account1})`, { body: { name: 'Firma ApS' } });
    await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { 'parentcustomerid_account@odata.bind': `/accounts(${guid.account1})` } });

    await api(sim, token, 'DELETE', `accounts(${guid.account1})`);

    expect(sim.row('contacts', guid.contact1)?.['_parentcustomerid_value']).toBeNull();
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DataverseSimulator, startDataverseSimulator } from './server.js';
import { accessToken, api, crlf, guid } from './testRequests.js';

let sim: DataverseSimulator;
let token: string;

beforeAll(async () => {
  sim = await startDataverseSimulator();
  token = await accessToken(sim);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

type Json = Record<string, unknown>;

const contactRef = (contactid: string) => ({ '@odata.type': 'Microsoft.Dynamics.CRM.contact', contactid });
const mergeBody = (targetId: string, subordinateId: string, extra: Json = {}) => ({
  Target: contactRef(targetId),
  Subordinate: contactRef(subordinateId),
  PerformParentingChecks: false,
  ...extra,
});
const merge = (targetId: string, subordinateId: string, extra: Json = {}) => api(sim, token, 'POST', 'Merge', { body: mergeBody(targetId, subordinateId, extra) });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

const agreementId = 'a9a9a9a9-0000-4000-8000-000000000001';
const paymentId = 'a9a9a9a9-0000-4000-8000-000000000002';

async function givenTwoContactsWithRelatedRows(): Promise<void> {
  await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { firstname: 'Karen', lastname: 'Jensen' } });
  await api(sim, token, 'PATCH', `contacts(${guid.contact2})`, { body: { firstname: 'Karen', lastname: 'Jensen', emailaddress1: 'old@example.dk' } });
  await api(sim, token, 'PATCH', `contacts(${guid.contact3})`, { body: { lastname: 'Barn', 'parentcustomerid_contact@odata.bind': `/contacts(${guid.contact2})` } });
  await api(sim, token, 'PATCH', `accounts(${guid.account1})`, { body: { name: 'Firma ApS', 'primarycontactid@odata.bind': `/contacts(${guid.contact2})` } });
  await api(sim, token, 'PATCH', `msengine_agreements(${agreementId})`, { body: { msengine_ofid: 'of-agr-1', 'msengine_contactid@odata.bind': `/contacts(${guid.contact2})` } });
  await api(sim, token, 'PATCH', `msengine_payments(${paymentId})`, {
    body: { msengine_ofid: 'of-pay-1', 'msengine_contactid@odata.bind': `/contacts(${guid.contact2})`, 'msengine_agreementid@odata.bind': `/msengine_agreements(${agreementId})` },
  });
}

describe('[OnlineFundraising13] POST Merge', () => {
  it('new contacts are active and not merged', async () => {
    await api(sim, token, 'POST', 'contacts', { body: { contactid: guid.contact1, lastname: 'Jensen' } });

    expect(sim.row('contacts', guid.contact1)).toMatchObject({ statecode: 0, statuscode: 1, merged: false, _masterid_value: null });
  });

  it('deactivates the subordinate and points it at the target, writes UpdateContent on the target, and moves the related rows', async () => {
    await givenTwoContactsWithRelatedRows();
    const targetEtag = sim.row('contacts', guid.contact1)?.['@odata.etag'];

    const response = await merge(guid.contact1, guid.contact2, {
      UpdateContent: { '@odata.type': 'Microsoft.Dynamics.CRM.contact', emailaddress1: 'karen@example.dk' },
    });

    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(sim.row('contacts', guid.contact2)).toMatchObject({ statecode: 1, statuscode: 2, merged: true, _masterid_value: guid.contact1, emailaddress1: 'old@example.dk' });
    expect(sim.row('contacts', guid.contact1)).toMatchObject({ statecode: 0, statuscode: 1, merged: false, _masterid_value: null, emailaddress1: 'karen@example.dk' });
    expect(sim.row('contacts', guid.contact1)?.['@odata.etag']).not.toBe(targetEtag);
    expect(sim.row('contacts', guid.contact3)?.['_parentcustomerid_value']).toBe(guid.contact1);
    expect(sim.row('accounts', guid.account1)?.['_primarycontactid_value']).toBe(guid.contact1);
    expect(sim.row('msengine_agreements', agreementId)?.['_msengine_contactid_value']).toBe(guid.contact1);
    expect(sim.row('msengine_payments', paymentId)).toMatchObject({ _msengine_contactid_value: guid.contact1, _msengine_agreementid_value: agreementId });
  });

  it('can be read back through the API: the merged contact by $filter on merged and _masterid_value', async () => {
    await givenTwoContactsWithRelatedRows();
    await merge(guid.contact1, guid.contact2);

    const read = await api(sim, token, 'GET', `contacts?$filter=merged eq true and _masterid_value eq ${guid.contact1}&$select=statecode,statuscode`);

    expect(((await read.json()) as { value: Json[] }).value).toEqual([
      { '@odata.etag': expect.any(String), statecode: 1, statuscode: 2, contactid: guid.contact2 },
    ]);
  });

  it('is harmless to repeat: the same merge again answers 204 and changes nothing', async () => {
    await givenTwoContactsWithRelatedRows();
    await merge(guid.contact1, guid.contact2);
    const before = sim.rows('contacts');

    const again = await merge(guid.contact1, guid.contact2);

    expect(again.status).toBe(204);
    expect(sim.rows('contacts')).toEqual(before);
  });

  it('answers 404 when the target or the subordinate does not exist', async () => {
    await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { lastname: 'Jensen' } });

    const missingSubordinate = await merge(guid.contact1, guid.contact2);
    const missingTarget = await merge(guid.contact3, guid.contact1);

    expect(missingSubordinate.status).toBe(404);
    expect(await errorOf(missingSubordinate)).toEqual({ code: '0x80040217', message: `Entity 'contact' With Id = ${guid.contact2} Does Not Exist` });
    expect(missingTarget.status).toBe(404);
    expect(await errorOf(missingTarget)).toEqual({ code: '0x80040217', message: `Entity 'contact' With Id = ${guid.contact3} Does Not Exist` });
    expect(sim.row('contacts', guid.contact1)).toMatchObject({ statecode: 0, merged: false });
  });

  it('answers 400 for a contact merged with itself, and for an inactive target or subordinate', async () => {
    await givenTwoContactsWithRelatedRows();
    const itself = await merge(guid.contact1, guid.contact1);
    await merge(guid.contact1, guid.contact2);

    const intoAnother = await merge(guid.contact3, guid.contact2);
    const intoMerged = await merge(guid.contact2, guid.contact3);

    expect(itself.status).toBe(400);
    expect(await errorOf(itself)).toEqual({ code: '0x80040203', message: 'Merge cannot be performed on master and sub-entities that are identical.' });
    expect(intoAnother.status).toBe(400);
    expect((await errorOf(intoAnother)).message).toBe(`sub-entity:contact-${guid.contact2} is deactive`);
    expect(intoMerged.status).toBe(400);
    expect((await errorOf(intoMerged)).message).toBe(`master entity:contact-${guid.contact2} is deactive`);
    expect(sim.row('contacts', guid.contact2)?.['_masterid_value']).toBe(guid.contact1);
  });

  it('answers 400 for a malformed body and changes nothing', async () => {
    await givenTwoContactsWithRelatedRows();
    const before = sim.rows('contacts');
    const send = (body: unknown) => api(sim, token, 'POST', 'Merge', { body });

    const responses = await Promise.all([
      send({ Target: { contactid: guid.contact1 }, Subordinate: contactRef(guid.contact2), PerformParentingChecks: false }),
      send({ Target: contactRef('not-a-guid'), Subordinate: contactRef(guid.contact2), PerformParentingChecks: false }),
      send({ Target: contactRef(guid.contact1), PerformParentingChecks: false }),
      send({ Target: contactRef(guid.contact1), Subordinate: contactRef(guid.contact2) }),
      send({ ...mergeBody(guid.contact1, guid.contact2), Extra: 1 }),
      send({ ...mergeBody(guid.contact1, guid.contact2), UpdateContent: { '@odata.type': 'Microsoft.Dynamics.CRM.contact', shoesize: 42 } }),
      send({ Target: { '@odata.type': 'Microsoft.Dynamics.CRM.account', accountid: guid.account1 }, Subordinate: contactRef(guid.contact2), PerformParentingChecks: false }),
      send({ Target: { '@odata.type': 'Microsoft.Dynamics.CRM.donkey', donkeyid: guid.contact1 }, Subordinate: contactRef(guid.contact2), PerformParentingChecks: false }),
      send([]),
    ]);
    const unsupported = await send({
      Target: { '@odata.type': 'Microsoft.Dynamics.CRM.msengine_agreement', msengine_agreementid: agreementId },
      Subordinate: { '@odata.type': 'Microsoft.Dynamics.CRM.msengine_agreement', msengine_agreementid: agreementId.replace(/1$/, '9') },
      PerformParentingChecks: false,
    });

    expect(responses.map((response) => response.status)).toEqual([400, 400, 400, 400, 400, 400, 400, 400, 400]);
    expect(unsupported.status).toBe(400);
    expect((await errorOf(unsupported)).message).toBe('This type: msengine_agreement is not supported with merge operation');
    expect(sim.rows('contacts')).toEqual(before);
  });

  it('with PerformParentingChecks refuses a subordinate with another parent', async () => {
    await api(sim, token, 'PATCH', `accounts(${guid.account1})`, { body: { name: 'Firma ApS' } });
    const otherAccount = '0b0b0b0b-0000-4000-8000-000000000002';
    await api(sim, token, 'PATCH', `accounts(${otherAccount})`, { body: { name: 'Anden ApS' } });
    await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { 'parentcustomerid_account@odata.bind': `/accounts(${guid.account1})` } });
    await api(sim, token, 'PATCH', `contacts(${guid.contact2})`, { body: { 'parentcustomerid_account@odata.bind': `/accounts(${otherAccount})` } });

    const checked = await merge(guid.contact1, guid.contact2, { PerformParentingChecks: true });
    const unchecked = await merge(guid.contact1, guid.contact2);

    expect(checked.status).toBe(400);
    expect(unchecked.status).toBe(204);
    expect(sim.row('contacts', guid.contact2)?.['_parentcustomerid_value']).toBe(otherAccount);
  });

  it('merges accounts too, moving their contacts', async () => {
    const otherAccount = '0b0b0b0b-0000-4000-8000-000000000002';
    await api(sim, token, 'PATCH', `accounts(${guid.account1})`, { body: { name: 'Firma ApS' } });
    await api(sim, token, 'PATCH', `accounts(${otherAccount})`, { body: { name: 'Firma A/S' } });
    await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { 'parentcustomerid_account@odata.bind': `/accounts(${otherAccount})` } });

    const response = await api(sim, token, 'POST', 'Merge', {
      body: {
        Target: { '@odata.type': 'Microsoft.Dynamics.CRM.account', accountid: guid.account1, name: 'ignored' },
        Subordinate: { '@odata.type': 'Microsoft.Dynamics.CRM.account', accountid: otherAccount },
        UpdateContent: { '@odata.type': 'Microsoft.Dynamics.CRM.account', accountnumber: '1234' },
        PerformParentingChecks: false,
      },
    });

    expect(response.status).toBe(204);
    expect(sim.row('accounts', guid.account1)).toMatchObject({ name: 'Firma ApS', accountnumber: '1234' });
    expect(sim.row('accounts', otherAccount)).toMatchObject({ statecode: 1, statuscode: 2, merged: true, _masterid_value: guid.account1 });
    expect(sim.row('contacts', guid.contact1)?.['_parentcustomerid_value']).toBe(guid.account1);
  });

  it('ignores a client writing merged or masterid, as Dataverse sets them itself', async () => {
    await api(sim, token, 'PATCH', `contacts(${guid.contact1})`, { body: { lastname: 'A' } });

    const write = await api(sim, token, 'PATCH', `contacts(${guid.contact2})`, { body: { lastname: 'B', merged: true, 'masterid@odata.bind': `/contacts(${guid.contact1})` } });

    expect(write.status).toBe(204);
    expect(sim.row('contacts', guid.contact2)).toMatchObject({ merged: false, _masterid_value: null });
  });

  it('needs a token, is throttled, can be failed by a fault rule and is logged, like every API call', async () => {
    await givenTwoContactsWithRelatedRows();
    sim.clearRequests();
    const unauthenticated = await fetch(`${sim.apiUrl}/Merge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(mergeBody(guid.contact1, guid.contact2)) });
    sim.injectFault({ method: 'POST', path: '/api/data/v9.2/Merge', status: 503 });
    const failed = await merge(guid.contact1, guid.contact2);
    expect(sim.row('contacts', guid.contact2)?.['merged']).toBe(false);
    const done = await merge(guid.contact1, guid.contact2);
    sim.setThrottle({ maxRequests: 1, windowMs: 60_000 });
    await merge(guid.contact1, guid.contact2);
    const throttled = await merge(guid.contact1, guid.contact2);
    sim.setThrottle({ maxRequests: 6000, windowMs: 300_000 });

    expect([unauthenticated.status, failed.status, done.status, throttled.status]).toEqual([401, 503, 204, 429]);
    expect(sim.requests().map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      'POST /api/data/v9.2/Merge 401',
      'POST /api/data/v9.2/Merge 503',
      'POST /api/data/v9.2/Merge 204',
      'POST /api/data/v9.2/Merge 204',
      'POST /api/data/v9.2/Merge 429',
    ]);
    expect(sim.row('contacts', guid.contact2)?.['merged']).toBe(true);
  });

  it('runs inside a $batch change set, and is undone with the change set', async () => {
    await givenTwoContactsWithRelatedRows();
    const changeSet = (second: string[]) =>
      crlf(
        '--batch_M',
        'Content-Type: multipart/mixed; boundary=changeset_M',
        '',
        '--changeset_M',
        'Content-Type: application/http',
        'Content-Transfer-Encoding: binary',
        'Content-ID: 1',
        '',
        'POST Merge HTTP/1.1',
        'Content-Type: application/json',
        '',
        JSON.stringify(mergeBody(guid.contact1, guid.contact2)),
        '--changeset_M',
        'Content-Type: application/http',
        'Content-Transfer-Encoding: binary',
        'Content-ID: 2',
        '',
        ...second,
        '--changeset_M--',
        '--batch_M--',
        '',
      );
    const post = (body: string) =>
      fetch(`${sim.apiUrl}/$batch`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/mixed; boundary=batch_M' }, body });

    const failing = await (await post(changeSet([`PATCH contacts(${guid.contact1}) HTTP/1.1`, 'Content-Type: application/json', '', '{"shoesize":42}']))).text();
    expect(sim.row('contacts', guid.contact2)).toMatchObject({ merged: false, statecode: 0 });
    expect(sim.row('accounts', guid.account1)?.['_primarycontactid_value']).toBe(guid.contact2);

    const passing = await (await post(changeSet([`PATCH contacts(${guid.contact1}) HTTP/1.1`, 'Content-Type: application/json', '', '{"jobtitle":"Chef"}']))).text();

    expect(failing).toContain('HTTP/1.1 400 Bad Request');
    expect(passing.match(/^HTTP\/1\.1 \d{3}/gm)).toEqual(['HTTP/1.1 204', 'HTTP/1.1 204']);
    expect(sim.row('contacts', guid.contact2)).toMatchObject({ merged: true, _masterid_value: guid.contact1 });
    expect(sim.row('contacts', guid.contact1)?.['jobtitle']).toBe('Chef');
  });
});

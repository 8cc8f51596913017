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

const id = {
  agreement: '1a000000-0000-4000-8000-000000000001',
  subscription: '1b000000-0000-4000-8000-000000000001',
  paymentMethod: '1c000000-0000-4000-8000-000000000001',
  payment: '1d000000-0000-4000-8000-000000000001',
  addOn: '1e000000-0000-4000-8000-000000000001',
  dataSet: '1f000000-0000-4000-8000-000000000001',
};

const ofUpdatedOn = '2024-06-01T08:30:00Z';

async function write(path: string, body: Record<string, unknown>): Promise<Response> {
  return api(sim, token, 'PATCH', path, { body });
}

describe('[OnlineFundraising2] the msengine_ mirror tables', () => {
  it('hold the six mirrored OF entities under their keys, with lookups bound by @odata.bind', async () => {
    const statuses = [
      await write(`contacts(${guid.contact1})`, { lastname: 'Jensen' }),
      await write(`msengine_agreements(${id.agreement})`, {
        msengine_ofid: 'of-agr-1',
        msengine_kind: 'regular_support',
        msengine_status: 'active',
        msengine_campaigncode: 'SOMMER24',
        msengine_purpose: 'Skoler i Kenya',
        msengine_restricted: true,
        msengine_startdate: '2024-06-01',
        msengine_enddate: null,
        msengine_cancellationreason: null,
        msengine_ofupdatedon: ofUpdatedOn,
        'msengine_contactid@odata.bind': `/contacts(${guid.contact1})`,
      }),
      await write(`msengine_subscriptions(${id.subscription})`, {
        msengine_ofid: 'of-sub-1',
        msengine_amount: 150.5,
        msengine_frequency: 'monthly',
        msengine_status: 'active',
        msengine_cancelledby: null,
        msengine_nextchargedate: '2024-07-01',
        msengine_pauseduntil: null,
        msengine_ofupdatedon: ofUpdatedOn,
        'msengine_agreementid@odata.bind': `/msengine_agreements(${id.agreement})`,
      }),
      await write(`msengine_paymentmethods(${id.paymentMethod})`, {
        msengine_ofid: 'of-pm-1',
        msengine_type: 'betalingsservice',
        msengine_status: 'active',
        msengine_maskedreference: '**** 1234',
        'msengine_contactid@odata.bind': `/contacts(${guid.contact1})`,
        'msengine_agreementid@odata.bind': `/msengine_agreements(${id.agreement})`,
      }),
      await write(`msengine_payments(${id.payment})`, {
        msengine_ofid: 'of-pay-1',
        msengine_amount: 150.5,
        msengine_status: 'confirmed',
        msengine_duedate: '2024-07-01',
        msengine_paiddate: '2024-07-02',
        msengine_channel: 'betalingsservice',
        'msengine_contactid@odata.bind': `/contacts(${guid.contact1})`,
        'msengine_agreementid@odata.bind': `/msengine_agreements(${id.agreement})`,
        'msengine_subscriptionid@odata.bind': `/msengine_subscriptions(${id.subscription})`,
        'msengine_paymentmethodid@odata.bind': `/msengine_paymentmethods(${id.paymentMethod})`,
      }),
      await write(`msengine_addons(${id.addOn})`, {
        msengine_ofid: 'of-add-1',
        msengine_name: 'Ekstra skolebøger',
        msengine_amount: 25,
        msengine_status: 'active',
        'msengine_agreementid@odata.bind': `/msengine_agreements(${id.agreement})`,
        'msengine_subscriptionid@odata.bind': `/msengine_subscriptions(${id.subscription})`,
      }),
      await write(`msengine_datasets(${id.dataSet})`, {
        msengine_ofid: 'of-ds-1',
        msengine_kind: 'sms_inbound',
        msengine_phone: '+4512345678',
        msengine_receivedon: '2024-06-01T08:29:59.123Z',
        msengine_keyword: 'STOT',
        msengine_text: 'STOT 100',
        msengine_fields: '{"keyword":"STOT"}',
        'msengine_contactid@odata.bind': `/contacts(${guid.contact1})`,
      }),
    ].map((response) => response.status);

    expect(statuses).toEqual([204, 204, 204, 204, 204, 204, 204]);
    expect(sim.row('msengine_agreements', id.agreement)).toMatchObject({
      msengine_agreementid: id.agreement,
      msengine_restricted: true,
      msengine_startdate: '2024-06-01',
      msengine_ofupdatedon: ofUpdatedOn,
      _msengine_contactid_value: guid.contact1,
    });
    expect(sim.row('msengine_subscriptions', id.subscription)).toMatchObject({ msengine_amount: 150.5, _msengine_agreementid_value: id.agreement });
    expect(sim.row('msengine_paymentmethods', id.paymentMethod)).toMatchObject({
      _msengine_contactid_value: guid.contact1,
      _msengine_agreementid_value: id.agreement,
    });
    expect(sim.row('msengine_payments', id.payment)).toMatchObject({
      _msengine_contactid_value: guid.contact1,
      _msengine_agreementid_value: id.agreement,
      _msengine_subscriptionid_value: id.subscription,
      _msengine_paymentmethodid_value: id.paymentMethod,
    });
    expect(sim.row('msengine_addons', id.addOn)).toMatchObject({ _msengine_agreementid_value: id.agreement, _msengine_subscriptionid_value: id.subscription });
    expect(sim.row('msengine_datasets', id.dataSet)).toMatchObject({ msengine_receivedon: '2024-06-01T08:29:59Z', _msengine_contactid_value: guid.contact1 });

    const query = await api(sim, token, 'GET', `msengine_payments?$select=msengine_ofid&$filter=_msengine_subscriptionid_value eq ${id.subscription}`);
    const body = (await query.json()) as { '@odata.context': string; value: Record<string, unknown>[] };
    expect(body['@odata.context']).toBe(`${sim.apiUrl}/$metadata#msengine_payments(msengine_ofid)`);
    expect(body.value).toEqual([{ '@odata.etag': expect.any(String), msengine_ofid: 'of-pay-1', msengine_paymentid: id.payment }]);
  });

  it('check writes like Dataverse: a missing parent, a wrong type and too long a text answer errors', async () => {
    const missingParent = await write(`msengine_subscriptions(${id.subscription})`, {
      'msengine_agreementid@odata.bind': `/msengine_agreements(${id.agreement})`,
    });
    const amountAsText = await write(`msengine_payments(${id.payment})`, { msengine_amount: '150.50' });
    const tooLong = await write(`msengine_datasets(${id.dataSet})`, { msengine_fields: 'x'.repeat(4001) });
    const wrongTarget = await write(`msengine_addons(${id.addOn})`, { 'msengine_agreementid@odata.bind': `/contacts(${guid.contact1})` });

    expect(missingParent.status).toBe(404);
    expect(await missingParent.json()).toEqual({
      error: { code: '0x80040217', message: `Entity 'msengine_agreement' With Id = ${id.agreement} Does Not Exist` },
    });
    expect(amountAsText.status).toBe(400);
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: '0x80044331',
      message: "A validation error occurred. The length of the 'msengine_fields' attribute of the 'msengine_dataset' entity exceeded the maximum allowed length of '4000'.",
    });
    expect(wrongTarget.status).toBe(400);
    expect(sim.rows('msengine_subscriptions')).toEqual([]);
    expect(sim.rows('msengine_datasets')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { mirrorTableDefinitions } from '../../local/simulators/dataverse/mirrorTableDefinitions.js';
import { kroner, projectMirrorRecord } from './mirrorColumns.js';
import { aDataSet, aPayment, aSubscription, anAddOn, anAgreement, mirrorIds, oneOfEachKind, personId } from './testMirrorRecords.js';

describe('[OnlineFundraising2] projectMirrorRecord', () => {
  it("keys the row by the record's engine id and maps every column, absent values as null", () => {
    expect(projectMirrorRecord(anAgreement())).toEqual({
      key: `msengine_agreements(${mirrorIds.agreement})`,
      payload: {
        msengine_ofid: 'of-agr-1',
        msengine_kind: 'regular_support',
        msengine_status: 'active',
        msengine_campaigncode: 'SOMMER24',
        msengine_purpose: 'Skoler i Kenya',
        msengine_restricted: true,
        msengine_startdate: '2024-06-01',
        msengine_enddate: null,
        msengine_cancellationreason: null,
        msengine_ofupdatedon: '2024-06-01T08:30:00Z',
        'msengine_contactid@odata.bind': `/contacts(${personId})`,
      },
    });
  });

  it('binds every lookup to its parent row by engine id, a person to its contact', () => {
    const { key, payload } = projectMirrorRecord(aPayment());

    expect(key).toBe(`msengine_payments(${mirrorIds.payment})`);
    expect(payload).toMatchObject({
      'msengine_contactid@odata.bind': `/contacts(${personId})`,
      'msengine_agreementid@odata.bind': `/msengine_agreements(${mirrorIds.agreement})`,
      'msengine_subscriptionid@odata.bind': `/msengine_subscriptions(${mirrorIds.subscription})`,
      'msengine_paymentmethodid@odata.bind': `/msengine_paymentmethods(${mirrorIds.paymentMethod})`,
    });
  });

  it('writes null for a parent that has not arrived in the engine yet, and for a parent the record does not have', () => {
    const waiting = anAddOn({ waitingFor: [mirrorIds.subscription] });
    const withoutSubscription = anAddOn({ parents: [{ entity: 'agreement', id: mirrorIds.agreement }] });

    expect(projectMirrorRecord(waiting).payload).toMatchObject({
      'msengine_agreementid@odata.bind': `/msengine_agreements(${mirrorIds.agreement})`,
      'msengine_subscriptionid@odata.bind': null,
    });
    expect(projectMirrorRecord(withoutSubscription).payload['msengine_subscriptionid@odata.bind']).toBeNull();
  });

  it('turns øre into a DKK decimal that JSON writes exactly', () => {
    expect([kroner(15050), kroner(29000), kroner(1), kroner(99), kroner(123456789)]).toEqual([150.5, 290, 0.01, 0.99, 1234567.89]);
    expect(JSON.stringify(projectMirrorRecord(aSubscription()).payload)).toContain('"msengine_amount":150.5,');
    expect(JSON.stringify({ amount: kroner(1999) })).toBe('{"amount":19.99}');
    expect(projectMirrorRecord(anAddOn()).payload['msengine_amount']).toBe(25);
  });

  it("writes a data set's fields as JSON with sorted keys, so the same fields always give the same payload", () => {
    const fields = projectMirrorRecord(aDataSet()).payload['msengine_fields'];
    const reordered = aDataSet({ record: { ...aDataSet().record, fields: { keyword: 'STOT', text: 'STOT 100' } } });

    expect(fields).toBe('{"keyword":"STOT","text":"STOT 100"}');
    expect(projectMirrorRecord(reordered).payload).toEqual(projectMirrorRecord(aDataSet()).payload);
  });

  it("writes only columns and lookups its table has (the simulator's definition of the MS solution's tables)", () => {
    for (const record of oneOfEachKind()) {
      const { key, payload } = projectMirrorRecord(record);
      const entitySet = key.slice(0, key.indexOf('('));
      const table = mirrorTableDefinitions[entitySet];
      const known = [...Object.keys(table?.columns ?? {}), ...Object.keys(table?.navigationProperties ?? {}).map((name) => `${name}@odata.bind`)];

      expect(table, entitySet).toBeDefined();
      expect(Object.keys(payload).filter((column) => !known.includes(column)), entitySet).toEqual([]);
    }
  });
});

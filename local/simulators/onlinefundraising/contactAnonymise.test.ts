import { beforeEach, describe, expect, it } from 'vitest';
import { useSimulatorWithReceiver } from './simulatorWithReceiver.js';
import { testClock } from './testClock.js';
import { getFromApi, notifiedEntities, postToApi } from './apiTestRequests.js';

const apiKey = 'test-api-key';
const clock = testClock('2025-03-01T10:00:00.000Z');
const anonymisedAt = '2025-03-01T10:05:00.000Z';

const running = useSimulatorWithReceiver({ apiKey, webhookSecret: 'test-webhook-secret', clock });
beforeEach(() => {
  clock.set('2025-03-01T10:00:00.000Z');
  running.sim.put('contact', 'c-1', {
    first_name: 'Mette',
    last_name: 'Sørensen',
    email: 'mette@example.dk',
    phone: '26 11 22 33',
    address: { street: 'Nørrebrogade 12', street2: null, postal_code: '2200', city: 'København N', country: 'DK' },
    cpr: '010190-1234',
    custom_fields: { tshirt_size: 'M' },
    consents: [{ channel: 'email', given: true, at: '2025-02-01T10:00:00.000Z', source: 'X' }],
  });
  running.sim.put('agreement', 'ag-1', { contact_id: 'c-1' });
  running.sim.put('payment', 'pay-1', { contact_id: 'c-1', agreement_id: 'ag-1', amount: 15_000 });
  running.sim.put('data_set', 'ds-1', { type: 'sms_inbound', contact_id: 'c-1', phone: '+4526112233', text: 'KLIMA Mette' });
  clock.set(anonymisedAt);
});

const anonymise = (id: string) => postToApi(running.sim, `/contacts/${id}/anonymize`, {}, apiKey);
const get = (path: string) => getFromApi(running.sim, path, apiKey);

describe('POST /api/v1/contacts/<id>/anonymize', () => {
  it('[OnlineFundraising5] empties the contact\'s personal fields and its data sets, marks it anonymised, keeps its agreements and payments, and notifies', async () => {
    const response = await anonymise('c-1');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 'c-1', first_name: '', last_name: '', email: null, phone: null, address: null, cpr: null, custom_fields: {}, consents: [], anonymized_at: anonymisedAt, updated_by: 'api' });
    expect(await get('/data-sets/ds-1')).toMatchObject({ phone: null, text: null, fields: {} });
    expect(await get('/payments/pay-1')).toMatchObject({ contact_id: 'c-1', amount: 15_000 });
    await expect.poll(() => notifiedEntities(running.receiver)).toEqual([
      { entity: 'contact', entityId: 'c-1', event: 'updated' },
      { entity: 'data_set', entityId: 'ds-1', event: 'updated' },
    ]);
  });

  it('[OnlineFundraising5] asking again changes nothing and notifies nothing; an unknown contact is 404', async () => {
    await anonymise('c-1');
    const before = notifiedEntities(running.receiver).length;
    clock.set('2025-03-02T10:00:00.000Z');
    const again = await anonymise('c-1');
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ anonymized_at: anonymisedAt });
    expect(notifiedEntities(running.receiver)).toHaveLength(before);
    const unknown = await anonymise('c-404');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

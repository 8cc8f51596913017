import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OnlineFundraisingSimulator, startOnlineFundraisingSimulator } from './server.js';
import { testClock } from './testClock.js';

const apiKey = 'test-api-key';
const clock = testClock('2025-03-01T10:00:00.000Z');
let sim: OnlineFundraisingSimulator;

beforeAll(async () => {
  sim = await startOnlineFundraisingSimulator({ apiKey, clock });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  clock.set('2025-03-01T10:00:00.000Z');
});

function get(path: string, key = apiKey): Promise<Response> {
  return fetch(`${sim.apiBaseUrl}${path}`, { headers: { authorization: `Bearer ${key}` } });
}

function putOverHttp(path: string, body: unknown): Promise<Response> {
  return fetch(`${sim.url}/_sim${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('API key', () => {
  it('answers 401 with a JSON error without the key or with a wrong one', async () => {
    sim.put('contact', 'c-1', { first_name: 'Mette' });

    const withoutKey = await fetch(`${sim.apiBaseUrl}/contacts/c-1`);
    const wrongKey = await get('/contacts/c-1', 'not-the-key');

    for (const response of [withoutKey, wrongKey]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await response.json()).toEqual({ error: { code: 'unauthorized', message: 'missing or invalid API key' } });
    }
    expect((await get('/contacts/c-1')).status).toBe(200);
  });
});

describe('GET /api/v1/<resource>/<id>', () => {
  it('serves a contact seeded over the control API in OF’s snake_case format', async () => {
    const seeded = await putOverHttp('/contacts/c-1001', {
      first_name: 'Mette',
      last_name: 'Sørensen',
      email: 'mette@example.dk',
      phone: '12 34 56 78',
      phone_secondary: '+46 70 123 45 67',
      address: { street: 'Nørrebrogade 12', street2: null, postal_code: '2200', city: 'København N', country: 'DK' },
      contribution_code: 'WEB-MEDLEM-NRF',
      company: { name: 'Grøn Handel ApS', cvr: '12345678' },
      consents: [{ channel: 'email', given: true, at: '2025-03-01T09:59:00.000Z', source: 'WEB-MEDLEM-NRF' }],
      custom_fields: { tshirt_size: 'M' },
    });
    expect(seeded.status).toBe(201);

    const response = await get('/contacts/c-1001');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: 'c-1001',
      first_name: 'Mette',
      last_name: 'Sørensen',
      email: 'mette@example.dk',
      email_secondary: null,
      phone: '12 34 56 78',
      phone_secondary: '+46 70 123 45 67',
      address: { street: 'Nørrebrogade 12', street2: null, postal_code: '2200', city: 'København N', country: 'DK' },
      contribution_code: 'WEB-MEDLEM-NRF',
      company: { name: 'Grøn Handel ApS', cvr: '12345678' },
      cpr: null,
      consents: [{ channel: 'email', given: true, at: '2025-03-01T09:59:00.000Z', source: 'WEB-MEDLEM-NRF' }],
      custom_fields: { tshirt_size: 'M' },
      merged_into_contact_id: null,
      anonymized_at: null,
      updated_by: 'staff',
      created_at: '2025-03-01T10:00:00.000Z',
      updated_at: '2025-03-01T10:00:00.000Z',
    });
    expect(response.headers.get('etag')).toBe('"2025-03-01T10:00:00.000Z"');
  });

  it('answers 404 with a JSON error for an unknown id or resource', async () => {
    const unknownId = await get('/contacts/nobody');
    const unknownResource = await get('/persons/c-1');

    expect(unknownId.status).toBe(404);
    expect(await unknownId.json()).toEqual({ error: { code: 'not_found', message: 'no contact with id nobody' } });
    expect(unknownResource.status).toBe(404);
    expect(await unknownResource.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('serves all seven core entities, linked by their *_id fields', async () => {
    sim.put('contact', 'c-1', { first_name: 'Lars' });
    sim.put('agreement', 'ag-1', { contact_id: 'c-1', type: 'membership', status: 'active', start_date: '2025-03-01' });
    sim.put('subscription', 'sub-1', { agreement_id: 'ag-1', amount: 15_000, interval: 'monthly' });
    sim.put('payment_method', 'pm-1', { contact_id: 'c-1', agreement_id: 'ag-1', type: 'mobilepay', status: 'active' });
    sim.put('payment', 'pay-1', { contact_id: 'c-1', agreement_id: 'ag-1', subscription_id: 'sub-1', payment_method_id: 'pm-1', amount: 15_000 });
    sim.put('add_on', 'ao-1', { agreement_id: 'ag-1', subscription_id: 'sub-1', name: 'Medlemsblad', amount: 2_500 });
    sim.put('data_set', 'ds-1', { type: 'sms_inbound', contact_id: 'c-1', phone: '+4520123456', keyword: 'KLIMA', text: 'KLIMA ja tak' });

    const paths = ['/contacts/c-1', '/agreements/ag-1', '/subscriptions/sub-1', '/payment-methods/pm-1', '/payments/pay-1', '/add-ons/ao-1', '/data-sets/ds-1'];
    const bodies = await Promise.all(paths.map(async (path) => (await get(path)).json() as Promise<Record<string, unknown>>));

    for (const body of bodies) expect(body).toMatchObject({ created_at: '2025-03-01T10:00:00.000Z', updated_at: '2025-03-01T10:00:00.000Z' });
    expect(bodies[0]).toMatchObject({ id: 'c-1', consents: [], custom_fields: {} });
    expect(bodies[1]).toMatchObject({ id: 'ag-1', contact_id: 'c-1', type: 'membership', purpose: null, restricted: false });
    expect(bodies[2]).toMatchObject({ id: 'sub-1', agreement_id: 'ag-1', amount: 15_000, currency: 'DKK', interval: 'monthly', cancelled_by: null });
    expect(bodies[3]).toMatchObject({ id: 'pm-1', contact_id: 'c-1', agreement_id: 'ag-1', type: 'mobilepay' });
    expect(bodies[4]).toMatchObject({ id: 'pay-1', subscription_id: 'sub-1', amount: 15_000, status: 'pending', channel: 'betalingsservice', paid_date: null });
    expect(bodies[5]).toMatchObject({ id: 'ao-1', subscription_id: 'sub-1', name: 'Medlemsblad', amount: 2_500 });
    expect(bodies[6]).toMatchObject({ id: 'ds-1', type: 'sms_inbound', keyword: 'KLIMA', received_at: '2025-03-01T10:00:00.000Z' });
  });
});

describe('GET /api/v1/<resource> (listing)', () => {
  async function page(query: string): Promise<{ data: { id: string; updated_at: string }[]; next_cursor: string | null }> {
    const response = await get(`/contacts?${query}`);
    expect(response.status).toBe(200);
    return response.json() as Promise<{ data: { id: string; updated_at: string }[]; next_cursor: string | null }>;
  }

  it('pages through contacts with an opaque cursor, oldest change first, until next_cursor is null', async () => {
    for (const id of ['c-1', 'c-2', 'c-3', 'c-4', 'c-5']) {
      sim.put('contact', id, { first_name: id });
      clock.advance(60_000);
    }

    const first = await page('page_size=2');
    const second = await page(`page_size=2&cursor=${first.next_cursor}`);
    const third = await page(`page_size=2&cursor=${second.next_cursor}`);

    expect([first, second, third].map((p) => p.data.map((contact) => contact.id))).toEqual([['c-1', 'c-2'], ['c-3', 'c-4'], ['c-5']]);
    expect(third.next_cursor).toBeNull();
  });

  it('lists only what changed at or after updated_since, including updates of older contacts', async () => {
    sim.put('contact', 'c-old', { first_name: 'Old' });
    clock.advance(60_000);
    sim.put('contact', 'c-new', { first_name: 'New' });
    clock.advance(60_000);
    sim.put('contact', 'c-old', { first_name: 'Old, renamed' });

    const changed = await page(`updated_since=${encodeURIComponent('2025-03-01T10:01:00.000Z')}`);

    expect(changed.data.map((contact) => contact.id)).toEqual(['c-new', 'c-old']);
    expect(changed.next_cursor).toBeNull();
  });

  it('filters on relation fields such as contact_id', async () => {
    sim.put('agreement', 'ag-1', { contact_id: 'c-1' });
    sim.put('agreement', 'ag-2', { contact_id: 'c-2' });

    const response = await get('/agreements?contact_id=c-2');

    expect(((await response.json()) as { data: { id: string }[] }).data.map((agreement) => agreement.id)).toEqual(['ag-2']);
  });

  it('answers 400 to a page_size out of range, an updated_since that is not an instant, or a made-up cursor', async () => {
    for (const query of ['page_size=0', 'page_size=1000', 'updated_since=yesterday', 'cursor=made-up']) {
      const response = await get(`/contacts?${query}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: expect.stringMatching(/^invalid_/) } });
    }
  });
});

describe('control API: PUT and DELETE /_sim/<resource>/<id>', () => {
  it('updates lay fields over the entity and bump updated_at, even while the clock stands still', async () => {
    await putOverHttp('/contacts/c-1', { first_name: 'Mette', last_name: 'Hansen' });

    const updated = await putOverHttp('/contacts/c-1', { last_name: 'Sørensen', updated_at: '1999-01-01T00:00:00.000Z' });

    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({
      first_name: 'Mette',
      last_name: 'Sørensen',
      created_at: '2025-03-01T10:00:00.000Z',
      updated_at: '2025-03-01T10:00:00.001Z',
    });
  });

  it('deletes an entity, after which the API answers 404', async () => {
    sim.put('contact', 'c-1', {});

    const deleted = await fetch(`${sim.url}/_sim/contacts/c-1`, { method: 'DELETE' });

    expect(deleted.status).toBe(204);
    expect((await get('/contacts/c-1')).status).toBe(404);
    expect((await fetch(`${sim.url}/_sim/contacts/c-1`, { method: 'DELETE' })).status).toBe(404);
  });

  it('answers 400 to a body that is not a JSON object', async () => {
    const response = await putOverHttp('/contacts/c-1', ['not', 'an', 'object']);

    expect(response.status).toBe(400);
  });
});

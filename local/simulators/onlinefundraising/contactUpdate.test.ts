import { beforeEach, describe, expect, it } from 'vitest';
import { onlineFundraisingNotificationSchema } from '../../../adapters/onlinefundraising/notification.js';
import { verifyWebhook } from '../../../adapters/onlinefundraising/webhookSignature.js';
import { ContactUpdateError } from './contactUpdate.js';
import { useSimulatorWithReceiver } from './simulatorWithReceiver.js';
import { startWebhookReceiver } from './startWebhookReceiver.js';
import { testClock } from './testClock.js';

const apiKey = 'test-api-key';
const webhookSecret = 'test-webhook-secret';
const clock = testClock('2025-03-01T10:00:00.000Z');
const seededAt = '2025-03-01T10:00:00.000Z';
const patchedAt = '2025-03-01T10:05:00.000Z';
const seededAddress = { street: 'Nørrebrogade 12', street2: null, postal_code: '2200', city: 'København N', country: 'DK' };

const running = useSimulatorWithReceiver({ apiKey, webhookSecret, clock });
beforeEach(() => {
  clock.set(seededAt);
  running.sim.put('contact', 'c-1', {
    first_name: 'Mette',
    last_name: 'Sørensen',
    email: 'mette@example.dk',
    phone: '12 34 56 78',
    address: seededAddress,
    contribution_code: 'WEB-MEDLEM-NRF',
    consents: [{ channel: 'email', given: true, at: seededAt, source: 'WEB-MEDLEM-NRF' }],
    custom_fields: { tshirt_size: 'M' },
  });
  clock.set(patchedAt);
});

function patch(id: string, body: unknown, headers: Record<string, string> = {}, key = apiKey): Promise<Response> {
  return fetch(`${running.sim.apiBaseUrl}/contacts/${id}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function get(id: string): Promise<Record<string, unknown>> {
  return (await fetch(`${running.sim.apiBaseUrl}/contacts/${id}`, { headers: { authorization: `Bearer ${apiKey}` } })).json() as Promise<
    Record<string, unknown>
  >;
}

function notified(): { entity: string; entityId: string; event: string }[] {
  return running.receiver.received.map((webhook) => {
    const { entity, entityId, event } = onlineFundraisingNotificationSchema.parse(JSON.parse(webhook.rawBody));
    return { entity, entityId, event };
  });
}

describe('PATCH /api/v1/contacts/<id>', () => {
  it('writes the master-data fields given, leaves the rest, moves updated_at, marks updated_by "api" and answers the contact', async () => {
    const response = await patch('c-1', {
      first_name: 'Mette K.',
      email: null,
      email_secondary: 'mette@arbejde.dk',
      phone: '+45 12 34 56 78',
      phone_secondary: '0046701234567',
      address: { street: 'Vesterbrogade 3', postal_code: '1620', city: 'København V', country: 'DK' },
      company: { name: 'Grøn Handel ApS', cvr: '12345678' },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe(`"${patchedAt}"`);
    const expected = {
      id: 'c-1',
      first_name: 'Mette K.',
      last_name: 'Sørensen',
      email: null,
      email_secondary: 'mette@arbejde.dk',
      phone: '+45 12 34 56 78',
      phone_secondary: '0046701234567',
      address: { street: 'Vesterbrogade 3', street2: null, postal_code: '1620', city: 'København V', country: 'DK' },
      contribution_code: 'WEB-MEDLEM-NRF',
      company: { name: 'Grøn Handel ApS', cvr: '12345678' },
      cpr: null,
      consents: [{ channel: 'email', given: true, at: seededAt, source: 'WEB-MEDLEM-NRF' }],
      custom_fields: { tshirt_size: 'M' },
      merged_into_contact_id: null,
      anonymized_at: null,
      updated_by: 'api',
      created_at: seededAt,
      updated_at: patchedAt,
    };
    expect(await response.json()).toEqual(expected);
    expect(await get('c-1')).toEqual(expected);
  });

  it('clears the address and company with null', async () => {
    running.sim.put('contact', 'c-1', { company: { name: 'Grøn Handel ApS', cvr: null } });

    const response = await patch('c-1', { address: null, company: null });

    expect(response.status).toBe(200);
    expect(await get('c-1')).toMatchObject({ address: null, company: null, first_name: 'Mette', updated_by: 'api' });
  });

  it('notifies the webhook target, signed, with one `updated` for the contact, which then reads updated_by "api"', async () => {
    await patch('c-1', { last_name: 'Sorensen' });

    expect(notified()).toEqual([{ entity: 'contact', entityId: 'c-1', event: 'updated' }]);
    const [webhook] = running.receiver.received;
    if (!webhook) throw new Error('no webhook received');
    expect(verifyWebhook({ secret: webhookSecret, rawBody: webhook.rawBody, headers: webhook.headers, now: clock.now() })).toEqual({ ok: true });
    expect(await get('c-1')).toMatchObject({ last_name: 'Sorensen', updated_by: 'api' });
  });

  it('changes made through the control API read updated_by "staff", unless the control request names another', async () => {
    expect(await get('c-1')).toMatchObject({ updated_by: 'staff' });
    await patch('c-1', { last_name: 'Sorensen' });
    running.sim.put('contact', 'c-1', { phone: '87 65 43 21' });
    expect(await get('c-1')).toMatchObject({ updated_by: 'staff', last_name: 'Sorensen', phone: '87 65 43 21' });

    const overHttp = await fetch(`${running.sim.url}/_sim/contacts/c-1`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ updated_by: 'api' }),
    });
    expect(await overHttp.json()).toMatchObject({ updated_by: 'api' });
    expect(running.receiver.received).toHaveLength(1);
  });

  it('answers 200 to a PATCH that changes nothing, without moving updated_at or notifying', async () => {
    const unchanged = await get('c-1');

    const { street2: _street2, ...addressWithoutStreet2 } = seededAddress; // a key left out of the address is null
    for (const body of [{}, { first_name: 'Mette', email: 'mette@example.dk', email_secondary: null }, { address: addressWithoutStreet2 }]) {
      const response = await patch('c-1', body);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(unchanged);
    }
    expect(await get('c-1')).toMatchObject({ updated_at: seededAt, updated_by: 'staff' });
    expect(notified()).toEqual([]);
  });

  it('refuses fields other than master data with 400 invalid_request naming them, and changes nothing', async () => {
    const response = await patch('c-1', {
      first_name: 'Anne',
      id: 'c-9',
      updated_at: '2030-01-01T00:00:00.000Z',
      consents: [],
      custom_fields: {},
      contribution_code: 'X',
      merged_into_contact_id: 'c-2',
      updated_by: 'staff',
    });

    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_request');
    for (const field of ['id', 'updated_at', 'consents', 'custom_fields', 'contribution_code', 'merged_into_contact_id', 'updated_by']) {
      expect(error.message).toContain(field);
    }
    expect(error.message).toMatch(/^cannot be changed through the API: id, updated_at, consents/);
    expect(await get('c-1')).toMatchObject({ first_name: 'Mette', updated_at: seededAt });
    expect(notified()).toEqual([]);
  });

  it('refuses wrongly typed values and bodies that are not a JSON object with 400 invalid_request', async () => {
    const bodies: [unknown, string | undefined][] = [
      ['not json', undefined],
      [['first_name'], undefined],
      [null, undefined],
      [{ first_name: 42 }, 'first_name'],
      [{ email: true }, 'email'],
      [{ address: 'Nørrebrogade 12' }, 'address'],
      [{ address: { street: 12 } }, 'address.street'],
      [{ address: { street: 'Nørrebrogade 12', floor: '3' } }, 'floor'],
      [{ company: { cvr: '12345678' } }, 'company.name'],
    ];
    for (const [body, named] of bodies) {
      const response = await patch('c-1', body);

      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('invalid_request');
      if (named) expect(error.message).toContain(named);
    }
    expect(await get('c-1')).toMatchObject({ updated_at: seededAt });
  });

  it('answers 404 not_found for an unknown contact', async () => {
    const response = await patch('nobody', { first_name: 'Anne' });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'no contact with id nobody' } });
    expect(running.sim.get('contact', 'nobody')).toBeUndefined();
  });

  it('answers 409 conflict for a contact merged into another, and changes nothing', async () => {
    running.sim.put('contact', 'c-2', { first_name: 'Mette' });
    await running.sim.merge('c-2', 'c-1');
    running.receiver.received.length = 0;
    const merged = await get('c-1');

    const response = await patch('c-1', { first_name: 'Anne' });

    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: 'conflict', message: 'contact c-1 has been merged into c-2; change that one' },
    });
    expect(await get('c-1')).toEqual(merged);
    expect(notified()).toEqual([]);
  });

  it('with If-Match: "<updated_at>" changes only the version it names, else answers 412 precondition_failed', async () => {
    const etag = (await fetch(`${running.sim.apiBaseUrl}/contacts/c-1`, { headers: { authorization: `Bearer ${apiKey}` } })).headers.get('etag');
    expect(etag).toBe(`"${seededAt}"`);
    running.sim.put('contact', 'c-1', { phone: '87 65 43 21' }); // someone else changed it meanwhile

    const stale = await patch('c-1', { first_name: 'Anne' }, { 'if-match': etag ?? '' });
    const unquoted = await patch('c-1', { first_name: 'Anne' }, { 'if-match': patchedAt });
    const current = `"${(await get('c-1')).updated_at as string}"`;
    const fresh = await patch('c-1', { first_name: 'Anne' }, { 'if-match': `"2020-01-01T00:00:00.000Z", ${current}` });
    const any = await patch('c-1', { first_name: 'Anna' }, { 'if-match': '*' });

    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({ error: { code: 'precondition_failed' } });
    expect(unquoted.status).toBe(412);
    expect(fresh.status).toBe(200);
    expect(any.status).toBe(200);
    expect(await get('c-1')).toMatchObject({ first_name: 'Anna', phone: '87 65 43 21' });
    expect(notified()).toHaveLength(2);
  });

  it('checks If-Match also when the PATCH would change nothing; ignores If-Unmodified-Since', async () => {
    expect((await patch('c-1', { first_name: 'Mette' }, { 'if-match': '"2020-01-01T00:00:00.000Z"' })).status).toBe(412);
    expect((await patch('c-1', { first_name: 'Anne' }, { 'if-unmodified-since': 'Sat, 01 Jan 2000 00:00:00 GMT' })).status).toBe(200);
  });

  it('updated_at moves forward even when the clock stands still', async () => {
    clock.set(seededAt);

    await patch('c-1', { first_name: 'Anne' });

    expect(await get('c-1')).toMatchObject({ updated_at: '2025-03-01T10:00:00.001Z' });
  });

  it('still updates without a webhook target, or when the target cannot be reached', async () => {
    running.sim.setWebhookTarget(undefined);
    expect((await patch('c-1', { first_name: 'Anne' })).status).toBe(200);

    const gone = await startWebhookReceiver();
    await gone.close();
    running.sim.setWebhookTarget(gone.url);
    expect((await patch('c-1', { first_name: 'Anna' })).status).toBe(200);
    expect(await get('c-1')).toMatchObject({ first_name: 'Anna' });
  });

  it('wants the API key, is logged, and can be faulted like every API route', async () => {
    expect((await patch('c-1', { first_name: 'Anne' }, {}, 'wrong-key')).status).toBe(401);
    running.sim.injectFault({ method: 'PATCH', path: '/api/v1/contacts/*', status: 429, retryAfterSeconds: 3 });

    const throttled = await patch('c-1', { first_name: 'Anne' });

    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect(await get('c-1')).toMatchObject({ first_name: 'Mette' });
    expect((await patch('c-1', { first_name: 'Anne' })).status).toBe(200);
    expect(running.sim.requests().filter((request) => request.method === 'PATCH').map(({ path, status }) => ({ path, status }))).toEqual([
      { path: '/api/v1/contacts/c-1', status: 401 },
      { path: '/api/v1/contacts/c-1', status: 429 },
      { path: '/api/v1/contacts/c-1', status: 200 },
    ]);
  });
});

describe('sim.updateContact (programmatic)', () => {
  it('updates, says what changed and what was delivered', async () => {
    const result = await running.sim.updateContact('c-1', { phone: null });

    expect(result.contact).toMatchObject({ id: 'c-1', phone: null, updated_at: patchedAt, updated_by: 'api' });
    expect(result.changed).toEqual([{ entity: 'contact', id: 'c-1' }]);
    expect(result.deliveries.map((delivery) => delivery.status)).toEqual([202]);
    expect(result.failures).toEqual([]);

    const again = await running.sim.updateContact('c-1', { phone: null });
    expect(again).toMatchObject({ changed: [], deliveries: [] });
  });

  it('throws ContactUpdateError with the status the API would answer', async () => {
    const stale = await running.sim.updateContact('c-1', { phone: null }, { ifMatch: '"2020-01-01T00:00:00.000Z"' }).catch((error: unknown) => error);
    const refused = await running.sim.updateContact('c-1', { consents: [] } as never).catch((error: unknown) => error);

    expect(stale).toBeInstanceOf(ContactUpdateError);
    expect(stale).toMatchObject({ status: 412, code: 'precondition_failed' });
    expect(refused).toMatchObject({ status: 400, code: 'invalid_request' });
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OnlineFundraisingSimulator, startOnlineFundraisingSimulator } from '../../local/simulators/onlinefundraising/server.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { HttpError } from '../http/HttpError.js';
import type { RetryPolicy } from '../http/retryPolicy.js';
import { OnlineFundraisingApiClient } from './OnlineFundraisingApiClient.js';
import { OnlineFundraisingContactReader } from './OnlineFundraisingContactReader.js';
import { OnlineFundraisingFormatError } from './OnlineFundraisingFormatError.js';

const apiKey = 'test-of-api-key';
const shortRetries: RetryPolicy = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 5_000, maxRetryAfterMs: 5_000 };
let sim: OnlineFundraisingSimulator;

beforeAll(async () => {
  sim = await startOnlineFundraisingSimulator({ apiKey });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  sim.put('contact', 'c-1001', {
    first_name: 'Mette',
    last_name: 'Sørensen',
    email: 'mette@example.dk',
    email_secondary: '',
    phone: '12 34 56 78',
    phone_secondary: '0046701234567',
    address: { street: 'Nørrebrogade 12, 3. tv', street2: null, postal_code: '2200', city: 'København N', country: 'DK' },
    contribution_code: 'WEB-MEDLEM-NRF',
    company: { name: 'Grøn Handel ApS', cvr: '12345678' },
    consents: [{ channel: 'email', given: true, at: '2025-03-01T10:00:00.000Z', source: 'WEB-MEDLEM-NRF' }],
    custom_fields: { tshirt_size: 'M' },
  });
});

function reader(overrides: { apiKey?: string; sleep?: (ms: number) => Promise<void>; retryPolicy?: RetryPolicy } = {}) {
  return new OnlineFundraisingContactReader(
    new OnlineFundraisingApiClient({ baseUrl: sim.apiBaseUrl, apiKey, retryPolicy: shortRetries, ...overrides }),
  );
}

function contactRequests(id = 'c-1001'): { method: string; status: number }[] {
  return sim
    .requests()
    .filter((request) => request.path === `/api/v1/contacts/${id}`)
    .map(({ method, status }) => ({ method, status }));
}

const expectedContact = {
  id: 'c-1001',
  firstName: 'Mette',
  lastName: 'Sørensen',
  email: 'mette@example.dk',
  phone: '12 34 56 78',
  secondaryPhone: '0046701234567',
  address: { street: 'Nørrebrogade 12, 3. tv', postalCode: '2200', city: 'København N', countryCode: 'DK' },
  contributionCode: 'WEB-MEDLEM-NRF',
  companyName: 'Grøn Handel ApS',
  cvr: '12345678',
  consents: [{ channel: 'email', given: true, at: '2025-03-01T10:00:00.000Z', source: 'WEB-MEDLEM-NRF' }],
  customFields: { tshirt_size: 'M' },
};

describe('OnlineFundraisingContactReader', () => {
  it('reads a contact over HTTP and hands the domain its OnlineFundraisingContact', async () => {
    const contact = await reader().getContact('c-1001');

    expect(contact).toEqual({ ...expectedContact, updatedAt: sim.get('contact', 'c-1001')?.updated_at });
  });

  it('[OnlineFundraising1] OF answers 500 twice, then 200: the contact is read once the service recovers', async () => {
    sim.injectFault({ method: 'GET', path: '/api/v1/contacts/*', status: 500, times: 2 });

    const contact = await reader().getContact('c-1001');

    expect(contact).toMatchObject(expectedContact);
    expect(contactRequests()).toEqual([
      { method: 'GET', status: 500 },
      { method: 'GET', status: 500 },
      { method: 'GET', status: 200 },
    ]);
  });

  it('waits out a 429 for as long as Retry-After says, then reads the contact', async () => {
    sim.injectFault({ method: 'GET', path: '/api/v1/contacts/*', status: 429, retryAfterSeconds: 2 });
    const waits: number[] = [];

    const contact = await reader({ sleep: async (ms) => void waits.push(ms) }).getContact('c-1001');

    expect(contact).toMatchObject(expectedContact);
    expect(waits).toEqual([2_000]);
    expect(contactRequests()).toEqual([
      { method: 'GET', status: 429 },
      { method: 'GET', status: 200 },
    ]);
  });

  it('gives up on a response slower than the timeout and reads the contact on the next attempt', async () => {
    sim.injectFault({ method: 'GET', path: '/api/v1/contacts/*', delayMs: 2_000 });

    const contact = await reader({ retryPolicy: { ...shortRetries, timeoutMs: 300 } }).getContact('c-1001');

    expect(contact).toMatchObject(expectedContact);
  });

  it('resolves null when OF does not know the contact', async () => {
    expect(await reader().getContact('nobody')).toBeNull();
    expect(contactRequests('nobody')).toEqual([{ method: 'GET', status: 404 }]);
  });

  it('surfaces a wrong API key as an HttpError 401, without retrying', async () => {
    const failure = await reader({ apiKey: 'wrong-key' }).getContact('c-1001').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(HttpError);
    expect(failure).toMatchObject({ service: 'OnlineFundraising', status: 401 });
    expect(contactRequests()).toEqual([{ method: 'GET', status: 401 }]);
  });

  it('surfaces a 503 that outlasts the retries as an HttpError after the last attempt', async () => {
    sim.injectFault({ method: 'GET', path: '/api/v1/contacts/*', status: 503, times: 10 });

    const failure = await reader().getContact('c-1001').catch((error: unknown) => error);

    expect(failure).toMatchObject({ name: 'HttpError', status: 503 });
    expect(contactRequests()).toHaveLength(shortRetries.maxAttempts);
  });

  it('refuses a contact body it cannot read, naming the field but not its value', async () => {
    sim.put('contact', 'c-1001', { first_name: 42 as unknown as string });

    const failure = await reader().getContact('c-1001').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(OnlineFundraisingFormatError);
    expect((failure as Error).message).toContain('first_name');
    expect((failure as Error).message).not.toContain('42');
  });

  it('[OnlineFundraising1] refuses a contact whose consent names a channel it does not know', async () => {
    sim.put('contact', 'c-1001', { consents: [{ channel: 'fax' as 'email', given: true, at: '2025-03-01T10:00:00.000Z', source: null }] });

    const failure = await reader().getContact('c-1001').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(OnlineFundraisingFormatError);
    expect((failure as Error).message).toContain('consents.0.channel');
  });
});

describe('OnlineFundraisingContactReader.mergeContacts', () => {
  beforeEach(() => {
    sim.put('contact', 'c-2002', { first_name: 'Mette', last_name: 'Sorensen' });
    sim.put('agreement', 'ag-1', { contact_id: 'c-2002' });
  });

  function mergeRequests(): { method: string; status: number }[] {
    return sim
      .requests()
      .filter((request) => request.path === '/api/v1/contacts/c-1001/merge')
      .map(({ method, status }) => ({ method, status }));
  }

  it('[OnlineFundraising13] has OF merge the contact, which then reads back as merged into the survivor', async () => {
    await reader().mergeContacts('c-1001', 'c-2002');

    expect(sim.get('agreement', 'ag-1')?.contact_id).toBe('c-1001');
    expect(await reader().getContact('c-2002')).toMatchObject({ id: 'c-2002', mergedIntoContactId: 'c-1001' });
    expect(await reader().getContact('c-1001')).not.toHaveProperty('mergedIntoContactId');
    expect(mergeRequests()).toEqual([{ method: 'POST', status: 200 }]);
  });

  it('[OnlineFundraising13] waits out a 429 on the merge for as long as Retry-After says, then merges', async () => {
    sim.injectFault({ method: 'POST', path: '/api/v1/contacts/*/merge', status: 429, retryAfterSeconds: 2 });
    const waits: number[] = [];

    await reader({ sleep: async (ms) => void waits.push(ms) }).mergeContacts('c-1001', 'c-2002');

    expect(waits).toEqual([2_000]);
    expect(mergeRequests()).toEqual([
      { method: 'POST', status: 429 },
      { method: 'POST', status: 200 },
    ]);
    expect(sim.get('contact', 'c-2002')?.merged_into_contact_id).toBe('c-1001');
  });

  it('[OnlineFundraising13] retries a 503 on the merge, and a repeated merge call is harmless', async () => {
    sim.injectFault({ method: 'POST', path: '/api/v1/contacts/*/merge', status: 503 });
    await reader().mergeContacts('c-1001', 'c-2002');
    await reader().mergeContacts('c-1001', 'c-2002');

    expect(mergeRequests()).toEqual([
      { method: 'POST', status: 503 },
      { method: 'POST', status: 200 },
      { method: 'POST', status: 200 },
    ]);
    expect(sim.get('agreement', 'ag-1')?.contact_id).toBe('c-1001');
  });

  it('throws NotFoundError when OF does not know one of the contacts', async () => {
    const failure = await reader().mergeContacts('c-1001', 'nobody').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(NotFoundError);
    expect((failure as Error).message).toContain('nobody');
  });

  it('surfaces OF refusing the merge (409) as an HttpError, without retrying', async () => {
    sim.put('contact', 'c-3003', {});
    await reader().mergeContacts('c-3003', 'c-2002');

    const failure = await reader().mergeContacts('c-1001', 'c-2002').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(HttpError);
    expect(failure).toMatchObject({ service: 'OnlineFundraising', status: 409 });
    expect(mergeRequests()).toEqual([{ method: 'POST', status: 409 }]);
  });
});

describe('OnlineFundraisingContactReader.updateContact', () => {
  function patchRequests(id = 'c-1001'): { method: string; status: number }[] {
    return contactRequests(id).filter((request) => request.method === 'PATCH');
  }

  it('has OF change the fields given, in OF’s words, and leaves the others as they are', async () => {
    await reader().updateContact('c-1001', {
      firstName: 'Mette K.',
      secondaryEmail: 'mette@arbejde.dk',
      phone: '+4587654321',
      address: { street: 'Vesterbrogade 3', street2: 'c/o Hansen', postalCode: '1620', city: 'København V', countryCode: 'DK' },
    });

    expect(sim.get('contact', 'c-1001')).toMatchObject({
      first_name: 'Mette K.',
      last_name: 'Sørensen',
      email: 'mette@example.dk',
      email_secondary: 'mette@arbejde.dk',
      phone: '+4587654321',
      phone_secondary: '0046701234567',
      address: { street: 'Vesterbrogade 3', street2: 'c/o Hansen', postal_code: '1620', city: 'København V', country: 'DK' },
      company: { name: 'Grøn Handel ApS', cvr: '12345678' },
      custom_fields: { tshirt_size: 'M' },
      updated_by: 'api',
    });
    expect(await reader().getContact('c-1001')).toMatchObject({
      firstName: 'Mette K.',
      secondaryEmail: 'mette@arbejde.dk',
      address: { street: 'Vesterbrogade 3', street2: 'c/o Hansen', postalCode: '1620', city: 'København V', countryCode: 'DK' },
    });
    expect(patchRequests()).toEqual([{ method: 'PATCH', status: 200 }]);
  });

  it('clears the fields given as null', async () => {
    await reader().updateContact('c-1001', { email: null, secondaryPhone: null, address: null });

    expect(sim.get('contact', 'c-1001')).toMatchObject({ email: null, phone_secondary: null, address: null, phone: '12 34 56 78' });
    const contact = await reader().getContact('c-1001');
    expect(contact).not.toHaveProperty('email');
    expect(contact).not.toHaveProperty('secondaryPhone');
    expect(contact).not.toHaveProperty('address');
  });

  it('waits out a 429 on the update for as long as Retry-After says, then updates', async () => {
    sim.injectFault({ method: 'PATCH', path: '/api/v1/contacts/*', status: 429, retryAfterSeconds: 2 });
    const waits: number[] = [];

    await reader({ sleep: async (ms) => void waits.push(ms) }).updateContact('c-1001', { lastName: 'Sorensen' });

    expect(waits).toEqual([2_000]);
    expect(patchRequests()).toEqual([
      { method: 'PATCH', status: 429 },
      { method: 'PATCH', status: 200 },
    ]);
    expect(sim.get('contact', 'c-1001')?.last_name).toBe('Sorensen');
  });

  it('retries a 503 on the update, and a repeated update is harmless', async () => {
    sim.injectFault({ method: 'PATCH', path: '/api/v1/contacts/*', status: 503 });
    await reader().updateContact('c-1001', { lastName: 'Sorensen' });
    const updatedAt = sim.get('contact', 'c-1001')?.updated_at;
    await reader().updateContact('c-1001', { lastName: 'Sorensen' });

    expect(patchRequests()).toEqual([
      { method: 'PATCH', status: 503 },
      { method: 'PATCH', status: 200 },
      { method: 'PATCH', status: 200 },
    ]);
    expect(sim.get('contact', 'c-1001')?.updated_at).toBe(updatedAt);
  });

  it('throws NotFoundError when OF does not know the contact', async () => {
    const failure = await reader().updateContact('nobody', { firstName: 'Anne' }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(NotFoundError);
    expect((failure as Error).message).toContain('nobody');
  });

  it('surfaces OF refusing to update a merged-away contact (409) as an HttpError, without retrying', async () => {
    sim.put('contact', 'c-2002', {});
    await sim.merge('c-2002', 'c-1001');

    const failure = await reader().updateContact('c-1001', { firstName: 'Anne' }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(HttpError);
    expect(failure).toMatchObject({ service: 'OnlineFundraising', status: 409 });
    expect(patchRequests()).toEqual([{ method: 'PATCH', status: 409 }]);
  });
});

describe('OnlineFundraisingApiClient.patch', () => {
  it('sends extra headers such as If-Match: a stale version is refused with an HttpError 412, the current one goes through', async () => {
    const client = new OnlineFundraisingApiClient({ baseUrl: sim.apiBaseUrl, apiKey, retryPolicy: shortRetries });
    const current = `"${sim.get('contact', 'c-1001')?.updated_at}"`;

    const stale = await client.patch('contacts/c-1001', { first_name: 'Anne' }, { 'If-Match': '"2020-01-01T00:00:00.000Z"' }).catch((error: unknown) => error);
    const updated = await client.patch('contacts/c-1001', { first_name: 'Anne' }, { 'If-Match': current, authorization: 'Bearer not-this' });

    expect(stale).toBeInstanceOf(HttpError);
    expect(stale).toMatchObject({ status: 412 });
    expect(updated).toMatchObject({ id: 'c-1001', first_name: 'Anne', updated_by: 'api' });
  });
});

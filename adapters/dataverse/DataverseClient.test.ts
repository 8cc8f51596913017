import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DataverseSimulator, startDataverseSimulator } from '../../local/simulators/dataverse/server.js';
import { HttpError } from '../http/HttpError.js';
import { dataverseClientFor } from './testClient.js';

let sim: DataverseSimulator;

beforeAll(async () => {
  sim = await startDataverseSimulator({ tenantId: 'ms-tenant', clientId: 'ms-engine-app', clientSecret: 'right-secret' });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const contactId = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const tokenRequests = () => sim.requests().filter((entry) => entry.path.endsWith('/oauth2/v2.0/token'));

describe('DataverseClient', () => {
  it('fetches one token by client credentials and reuses it for several requests', async () => {
    const client = dataverseClientFor(sim);

    for (let n = 1; n <= 3; n++) await client.upsert('contacts', contactId(n), { lastname: `Person ${n}` });
    await Promise.all([4, 5, 6].map((n) => client.upsert('contacts', contactId(n), { lastname: `Person ${n}` })));

    expect(tokenRequests()).toHaveLength(1);
    expect(tokenRequests()[0]?.path).toBe('/ms-tenant/oauth2/v2.0/token');
    expect(sim.rows('contacts')).toHaveLength(6);
  });

  it('shares one token request between requests sent at the same time', async () => {
    const client = dataverseClientFor(sim);

    await Promise.all([1, 2, 3].map((n) => client.upsert('contacts', contactId(n), { lastname: `Person ${n}` })));

    expect(tokenRequests()).toHaveLength(1);
  });

  it('renews the token once when the API answers 401, and repeats the request', async () => {
    const client = dataverseClientFor(sim);
    await client.upsert('contacts', contactId(1), { lastname: 'Before' });

    sim.expireTokens();
    await client.upsert('contacts', contactId(1), { lastname: 'After' });

    expect(sim.requests().map((entry) => `${entry.method} ${entry.status}`)).toEqual(['POST 200', 'PATCH 204', 'PATCH 401', 'POST 200', 'PATCH 204']);
    expect(sim.row('contacts', contactId(1))?.['lastname']).toBe('After');
  });

  it('throws HttpError when the API keeps answering 401 after a new token', async () => {
    sim.injectFault({ path: '/api/data/v9.2/**', status: 401, times: 2 });

    const error = await dataverseClientFor(sim).upsert('contacts', contactId(1), { lastname: 'X' }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(401);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('throws HttpError from Entra ID when the client secret is wrong, without calling the API', async () => {
    const error = await dataverseClientFor(sim, { clientSecret: 'wrong-secret' })
      .upsert('contacts', contactId(1), { lastname: 'X' })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ service: 'Entra ID', status: 401 });
    expect((error as HttpError).detail).toContain('AADSTS7000215');
    expect(sim.requests().filter((entry) => entry.path.startsWith('/api/'))).toEqual([]);
  });

  it('throws HttpError with Dataverse status and error body for a request Dataverse refuses', async () => {
    const error = await dataverseClientFor(sim).upsert('contacts', contactId(1), { shoesize: 42 }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ service: 'Dataverse', status: 400 });
    expect((error as HttpError).detail).toContain('0x80060888');
  });

  it('update never creates: HttpError 404 when the row is missing', async () => {
    const error = await dataverseClientFor(sim).update('contacts', contactId(1), { lastname: 'X' }).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ status: 404 });
    expect(sim.rows('contacts')).toEqual([]);
  });

  it('works with an org URL given with a trailing slash', async () => {
    await dataverseClientFor(sim, { orgUrl: `${sim.url}/`, authorityUrl: `${sim.url}/` }).upsert('contacts', contactId(1), { lastname: 'Slash' });

    expect(sim.row('contacts', contactId(1))?.['lastname']).toBe('Slash');
  });
});

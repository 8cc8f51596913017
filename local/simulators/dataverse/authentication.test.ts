import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DataverseSimulator, startDataverseSimulator } from './server.js';
import { accessToken, api, requestToken } from './testRequests.js';

const wrongSecret = 'not-the-secret';
const secretOfA = 'secret-a';

let sim: DataverseSimulator;

beforeAll(async () => {
  sim = await startDataverseSimulator({ tenantId: 'tenant-a', clientId: 'client-a', clientSecret: 'secret-a' });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('Entra ID token endpoint (client credentials)', () => {
  it('issues a Bearer token for the registered client and the org URL scope', async () => {
    const response = await requestToken(sim);

    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
    expect(String(body['access_token']).split('.')).toHaveLength(3);
  });

  it('accepts the scope with a doubled slash before /.default, as Entra ID does', async () => {
    expect((await requestToken(sim, { scope: `${sim.url}//.default` })).status).toBe(200);
  });

  it('answers 401 invalid_client AADSTS7000215 for a wrong secret', async () => {
    const response = await requestToken(sim, { client_secret: wrongSecret });

    expect(response.status).toBe(401);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['error']).toBe('invalid_client');
    expect(body['error_description']).toMatch(/^AADSTS7000215: Invalid client secret provided/);
    expect(body['error_codes']).toEqual([7000215]);
  });

  it('answers 400 unauthorized_client AADSTS700016 for an unknown client id', async () => {
    const response = await requestToken(sim, { client_id: 'someone-else' });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
  });

  it('answers 400 for a wrong grant type, a scope without /.default and another resource', async () => {
    const grant = await requestToken(sim, { grant_type: 'password' });
    const scope = await requestToken(sim, { scope: `${sim.url}/user_impersonation` });
    const resource = await requestToken(sim, { scope: 'https://other.crm4.dynamics.com/.default' });

    expect([grant.status, scope.status, resource.status]).toEqual([400, 400, 400]);
    expect(await grant.json()).toMatchObject({ error: 'unsupported_grant_type', error_codes: [70003] });
    expect(await scope.json()).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });
    expect(await resource.json()).toMatchObject({ error: 'invalid_resource', error_codes: [500011] });
  });

  it('answers 400 AADSTS90002 for another tenant in the path', async () => {
    const response = await fetch(`${sim.url}/tenant-b/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'client-a', client_secret: secretOfA, scope: `${sim.url}/.default` }),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error_codes: [90002] });
  });
});

describe('Web API authorization', () => {
  it('answers 401 with a WWW-Authenticate challenge and no body when there is no token', async () => {
    const response = await fetch(`${sim.apiUrl}/contacts`);

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer authorization_uri=${sim.url}/tenant-a/oauth2/authorize, resource_id=${sim.url}/`,
    );
    expect(await response.text()).toBe('');
  });

  it('answers 401 for a token it did not issue', async () => {
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl';

    expect((await api(sim, forged, 'GET', 'contacts')).status).toBe(401);
  });

  it('accepts a token it issued until tokens are expired, then wants a new one', async () => {
    const token = await accessToken(sim);
    expect((await api(sim, token, 'GET', 'contacts')).status).toBe(200);

    sim.expireTokens();

    expect((await api(sim, token, 'GET', 'contacts')).status).toBe(401);
    expect((await api(sim, await accessToken(sim), 'GET', 'contacts')).status).toBe(200);
  });

  it('answers GET WhoAmI with the application user', async () => {
    const response = await api(sim, await accessToken(sim), 'GET', 'WhoAmI');

    expect(response.status).toBe(200);
    expect(Object.keys((await response.json()) as object)).toEqual(['@odata.context', 'BusinessUnitId', 'UserId', 'OrganizationId']);
  });
});

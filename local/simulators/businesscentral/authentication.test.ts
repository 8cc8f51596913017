import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../domain/shared/Clock.js';
import { type BusinessCentralSimulator, startBusinessCentralSimulator } from './server.js';
import { accessToken, errorOf, requestToken } from './testRequests.js';

let now = new Date('2025-04-01T08:00:00Z');
const clock: Clock = { now: () => now };
let sim: BusinessCentralSimulator;

beforeAll(async () => {
  sim = await startBusinessCentralSimulator({ tenantId: 'ms-tenant', clientId: 'ms-engine', clientSecret: 'right-secret', environmentName: 'Production', clock });
});
afterAll(() => sim.close());
beforeEach(() => {
  now = new Date('2025-04-01T08:00:00Z');
  sim.reset();
});

const companies = (token: string | undefined, url = `${sim.url}/companies`) =>
  fetch(url, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

describe('Entra ID token endpoint for Business Central', () => {
  it('issues a Bearer token for the registered client and the Business Central scope', async () => {
    const response = await requestToken(sim);

    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    expect(String(body['access_token']).split('.')).toHaveLength(3);
    expect(sim.tokenUrl).toBe(`${sim.authorityUrl}/ms-tenant/oauth2/v2.0/token`);
  });

  it('refuses another resource’s scope, a wrong secret and an unknown client as Entra ID does', async () => {
    const dataverse = await requestToken(sim, { scope: 'https://ms.crm4.dynamics.com/.default' });
    const secret = await requestToken(sim, { client_secret: 'wrong' });
    const client = await requestToken(sim, { client_id: 'someone-else' });

    expect(await dataverse.json()).toMatchObject({ error: 'invalid_resource', error_codes: [500011] });
    expect(secret.status).toBe(401);
    expect(await secret.json()).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
    expect(await client.json()).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
  });
});

describe('API authorisation', () => {
  it('answers a request with a valid token', async () => {
    const response = await companies(await accessToken(sim));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers 401 Authentication_InvalidCredentials without a token or with one it did not issue', async () => {
    for (const token of [undefined, 'not-a-jwt']) {
      const response = await companies(token);

      expect(await errorOf(response)).toMatchObject({ status: 401, code: 'Authentication_InvalidCredentials' });
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    }
  });

  it('ends every error message with a correlation id, as BC does', async () => {
    const { message } = await errorOf(await companies(undefined));

    expect(message).toMatch(/^The server has rejected the client credentials\. {2}CorrelationId: {2}[0-9a-f-]{36}\.$/);
  });

  it('refuses a token once it has expired, and after expireTokens', async () => {
    const token = await accessToken(sim);
    now = new Date(now.getTime() + 3600_000);
    expect((await companies(token)).status).toBe(401);

    const fresh = await accessToken(sim);
    sim.expireTokens();
    expect((await companies(fresh)).status).toBe(401);
    expect((await companies(await accessToken(sim))).status).toBe(200);
  });

  it('refuses another tenant in the path (401) and answers 404 for an unknown environment', async () => {
    const token = await accessToken(sim);

    expect((await companies(token, `${sim.authorityUrl}/v2.0/other-tenant/Production/api/v2.0/companies`)).status).toBe(401);
    expect(await errorOf(await companies(token, `${sim.authorityUrl}/v2.0/ms-tenant/Sandbox2/api/v2.0/companies`))).toMatchObject({
      status: 404,
      code: 'BadRequest_ResourceNotFound',
    });
    expect((await companies(token, `${sim.authorityUrl}/v2.0/MS-TENANT/production/api/v2.0/companies`)).status).toBe(200);
  });
});

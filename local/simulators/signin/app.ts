import { Hono } from 'hono';
import { z } from 'zod';
import { addCommonControlRoutes } from '../shared/commonControlRoutes.js';
import { injectFaults } from '../shared/injectFaults.js';
import { jsonBody } from '../shared/jsonBody.js';
import { logRequests } from '../shared/logRequests.js';
import type { Clock } from '../../../domain/shared/Clock.js';
import { localSignIn, localStaff } from './localStaff.js';
import type { SimulatorControl } from './SimulatorControl.js';

const tokenRequest = z.object({
  oid: z.string().optional(),
  name: z.string().optional(),
  username: z.string().optional(),
  roles: z.array(z.string()).optional(),
  groups: z.array(z.string()).optional(),
  app: z.boolean().optional(),
  guest: z.boolean().optional(),
  lifetimeSeconds: z.number().int().optional(),
  notBeforeInSeconds: z.number().int().optional(),
  audience: z.string().optional(),
  tenantId: z.string().optional(),
  issuer: z.string().optional(),
  omitClaims: z.array(z.string()).optional(),
  extraClaims: z.record(z.string(), z.unknown()).optional(),
});

/** The simulated tenant's HTTP API (see README.md): discovery, keys, the token endpoint, and `/_sim`. */
export function createSignInApp(control: SimulatorControl, clock: Clock): Hono {
  const app = new Hono();
  app.route('/_sim', controlRoutes(control));
  app.use('/:tenant/*', logRequests(control.log, clock));
  app.use('/:tenant/*', injectFaults(control.faults, { clientClosed: () => entraError(499, 'client_closed', 'client closed the request'), fault: (fault) => entraError(fault.status, 'temporarily_unavailable', 'AADSTS90033: A transient error has occurred. Please try again.') }));
  app.get('/:tenant/v2.0/.well-known/openid-configuration', (c) => {
    if (!ownTenant(c.req.param('tenant'))) return entraError(400, 'invalid_tenant', `AADSTS90002: Tenant '${c.req.param('tenant')}' not found.`);
    return c.json(discoveryDocument(control));
  });
  app.get('/:tenant/discovery/v2.0/keys', (c) => (ownTenant(c.req.param('tenant')) ? c.json(control.tokens.jwks()) : entraError(400, 'invalid_tenant', 'AADSTS90002: Tenant not found.')));
  app.post('/:tenant/oauth2/v2.0/token', async (c) => clientCredentialsToken(control, c.req.param('tenant'), new URLSearchParams(await c.req.text())));
  app.notFound((c) => entraError(404, 'not_found', `no route ${c.req.method} ${c.req.path}`));
  app.onError((error) => entraError(500, 'server_error', error.message));
  return app;
}

function controlRoutes(control: SimulatorControl): Hono {
  const sim = new Hono();
  addCommonControlRoutes(sim, control, (error, c) => c.json({ error: 'invalid_request', issues: error.issues }, 400));
  sim.get('/token/:role', async (c) => {
    const role = c.req.param('role');
    if (!(role in localStaff)) return c.text(`no local colleague has role ${role}; try one of ${Object.keys(localStaff).join(', ')}`, 404);
    return c.text(await control.tokenForColleague(role as keyof typeof localStaff));
  });
  sim.post('/token', async (c) => {
    const request = tokenRequest.safeParse(await jsonBody(c));
    if (!request.success) return c.json({ error: 'invalid_request', issues: request.error.issues }, 400);
    return c.json({ token_type: 'Bearer', access_token: await control.tokenFor(request.data) });
  });
  sim.post('/rotate-keys', async (c) => {
    await control.rotateKeys();
    return c.json(control.tokens.jwks());
  });
  return sim;
}

function discoveryDocument(control: SimulatorControl) {
  const tenantRoot = `${control.url}/${localSignIn.tenantId}`;
  return {
    issuer: control.issuer,
    token_endpoint: `${tenantRoot}/oauth2/v2.0/token`,
    authorization_endpoint: `${tenantRoot}/oauth2/v2.0/authorize`,
    jwks_uri: `${tenantRoot}/discovery/v2.0/keys`,
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    tenant_region_scope: 'EU',
  };
}

/** Client credentials for the local integration app: an app token carrying the Integration role. */
async function clientCredentialsToken(control: SimulatorControl, tenant: string, form: URLSearchParams): Promise<Response> {
  if (!ownTenant(tenant)) return entraError(400, 'invalid_request', `AADSTS90002: Tenant '${tenant}' not found.`);
  if (form.get('grant_type') !== 'client_credentials') return entraError(400, 'unsupported_grant_type', `AADSTS70003: The app requested an unsupported grant type '${form.get('grant_type')}'.`);
  if (form.get('client_id') !== localSignIn.integrationClientId || form.get('client_secret') !== localSignIn.integrationClientSecret) {
    return entraError(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
  }
  const scope = form.get('scope') ?? '';
  if (![`api://${localSignIn.engineClientId}/.default`, `${localSignIn.engineClientId}/.default`].includes(scope)) {
    return entraError(400, 'invalid_scope', `AADSTS1002012: The provided value for scope ${scope} is not valid.`);
  }
  const accessToken = await control.tokenFor({ app: true, oid: localSignIn.integrationObjectId, username: localSignIn.integrationClientId, roles: ['Integration'] });
  return Response.json({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
}

function ownTenant(tenant: string): boolean {
  return tenant.toLowerCase() === localSignIn.tenantId;
}

function entraError(status: number, error: string, description: string): Response {
  return Response.json({ error, error_description: description }, { status });
}

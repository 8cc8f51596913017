import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffTokenRequest } from '../../local/simulators/signin/StaffTokenIssuer.js';
import { localSignIn, localStaff, localTeamGroups } from '../../local/simulators/signin/localStaff.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { type ColleagueRole, adminHeaders, colleagueReference, personIdOf, startTestStack } from '../support/testStack.js';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  fetch(`${stack.engineUrl}${path}`, { method, headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json' }) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
const as = async (role: ColleagueRole, method: string, path: string, body?: unknown) => call(method, path, await adminHeaders(stack, role), body);
const withToken = (token: string) => ({ authorization: `Bearer ${token}` });
const tokenFor = (request: StaffTokenRequest) => stack.signIn.tokenFor({ ...localStaff.Administrator, groups: [localTeamGroups.fundraising!], ...request });

async function signedUp(contactId: string, fields: Record<string, unknown> = {}): Promise<string> {
  stack.onlineFundraising.put('contact', contactId, { first_name: 'Sofie', last_name: 'Holm', email: `${contactId}@example.dk`, contribution_code: 'KLIMA2026', ...fields });
  await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: contactId, event: 'created' });
  await eventually(() => expect(stack.dataverse.row('contacts', personIdOf(contactId))).toBeDefined());
  return personIdOf(contactId);
}

describe('[Brugerrettigheder] roles', () => {
  const cases: { role: ColleagueRole; allowed: [string, string, unknown?]; forbidden: [string, string, unknown?]; needs: string }[] = [
    { role: 'Administrator', allowed: ['GET', '/admin/dead-letters'], forbidden: ['GET', '/admin/nothing-here'], needs: '' },
    { role: 'Editor', allowed: ['GET', '/admin/datasets'], forbidden: ['GET', '/admin/dead-letters'], needs: 'Administrator' },
    { role: 'EditorLight', allowed: ['GET', '/admin/keywords/table'], forbidden: ['PUT', '/admin/drupal-forms', { forms: [] }], needs: 'Administrator, Editor' },
    { role: 'Analyst', allowed: ['GET', '/admin/datasets'], forbidden: ['GET', '/admin/contacts?invalid=phone'], needs: 'MemberServiceEditor' },
    { role: 'MemberServiceEditor', allowed: ['GET', '/admin/contacts?invalid=phone'], forbidden: ['POST', '/admin/posting-runs', { from: '2026-11-01', to: '2026-11-02' }], needs: 'Finance' },
    { role: 'Finance', allowed: ['GET', '/admin/posting-runs'], forbidden: ['GET', '/admin/contacts?invalid=phone'], needs: 'EditorLight' },
    { role: 'Integration', allowed: ['POST', '/admin/stop-list/check', { phones: ['+4520304050'], purpose: 'sms' }], forbidden: ['GET', '/admin/contacts?invalid=phone'], needs: 'MemberServiceEditor' },
  ];

  for (const { role, allowed, forbidden, needs } of cases) {
    it(`[Brugerrettigheder] ${role} may ${allowed[0]} ${allowed[1].split('?')[0]} and is refused ${forbidden[0]} ${forbidden[1].split('?')[0]}`, async () => {
      const ok = await as(role, ...allowed);
      expect(ok.status, await ok.clone().text()).toBeLessThan(300);
      const refused = await as(role, ...forbidden);
      if (role === 'Administrator') {
        // Administrator may use every route: the only thing it is refused is a route that does not exist.
        expect(refused.status).toBe(404);
        return;
      }
      expect(refused.status).toBe(403);
      const problem = (await refused.json()) as { error: string; message: string };
      expect(problem.error).toBe('forbidden');
      expect(problem.message).toContain(needs);
      expect(problem.message).toContain(`the token holds ${role}`);
    });
  }

  it('[Brugerrettigheder] a role value the engine does not know grants nothing, and a guest account is a normal token', async () => {
    const unknownRole = await call('GET', '/admin/datasets', withToken(await tokenFor({ roles: ['SuperUser', 'Admin'] })));
    expect(unknownRole.status).toBe(403);
    expect(await unknownRole.json()).toMatchObject({ error: 'forbidden', message: expect.stringContaining("none of the engine's roles") });
    const guest = await call('GET', '/admin/datasets', withToken(await tokenFor({ roles: ['Analyst'], guest: true, username: 'consultant_partner.dk#EXT#@ms.onmicrosoft.com' })));
    expect(guest.status).toBe(200);
  });

  it('[Brugerrettigheder] an integration app signs in with client credentials and gets the Integration role only', async () => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: localSignIn.integrationClientId, client_secret: localSignIn.integrationClientSecret, scope: `api://${localSignIn.engineClientId}/.default` });
    const issued = (await (await fetch(`${stack.signIn.url}/${localSignIn.tenantId}/oauth2/v2.0/token`, { method: 'POST', body: form })).json()) as { access_token: string };
    expect((await call('GET', '/admin/keywords/resolve?text=STOP', withToken(issued.access_token))).status).not.toBe(403);
    expect((await call('GET', '/admin/dead-letters', withToken(issued.access_token))).status).toBe(403);
  });
});

describe('[Brugerrettigheder] tokens that are refused with 401', () => {
  const refusedWith = async (headers: Record<string, string>, reason: RegExp) => {
    const response = await call('GET', '/admin/datasets', headers);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="ms-engine"/);
    const problem = (await response.json()) as { message: string };
    expect(problem.message).toMatch(reason);
    return response;
  };

  it('[Brugerrettigheder] missing, malformed, expired, not yet valid, forged, wrong audience, wrong tenant', async () => {
    const missing = await refusedWith({}, /Authorization: Bearer/);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="ms-engine"');
    await refusedWith({ authorization: 'Basic YWRtaW46YWRtaW4=' }, /Authorization: Bearer/);
    const malformed = await refusedWith(withToken('not.a.token'), /malformed/);
    expect(malformed.headers.get('www-authenticate')).toContain('error="invalid_token"');
    await refusedWith(withToken(await tokenFor({ lifetimeSeconds: -600 })), /expired/);
    await refusedWith(withToken(await tokenFor({ notBeforeInSeconds: 3600 })), /nbf/);
    await refusedWith(withToken(await tokenFor({ audience: 'api://some-other-app' })), /aud/);
    const otherTenant = '99999999-9999-4999-8999-999999999999';
    await refusedWith(withToken(await tokenFor({ tenantId: otherTenant, issuer: `https://login.microsoftonline.com/${otherTenant}/v2.0` })), /iss/);
    await refusedWith(withToken(await tokenFor({ tenantId: otherTenant })), /another tenant/);
    await refusedWith(withToken(await forgedToken()), /not signed by the tenant/);
  });

  it('[Brugerrettigheder] a token within the allowed clock skew is taken; missing claims and group overage are named', async () => {
    expect((await call('GET', '/admin/datasets', withToken(await tokenFor({ roles: ['Analyst'], notBeforeInSeconds: 60 })))).status).toBe(200);
    await refusedWith(withToken(await tokenFor({ roles: ['Analyst'], omitClaims: ['oid'] })), /oid claim/);
    await refusedWith(withToken(await tokenFor({ roles: ['Analyst'], extraClaims: { roles: 'Analyst' } })), /roles claim/);
    await refusedWith(withToken(await tokenFor({ roles: ['Analyst'], extraClaims: { _claim_names: { groups: 'src1' }, hasgroups: true } })), /group overage/);
  });

  it('[Brugerrettigheder] after Entra rolls its keys, a token signed with the new key is taken (the engine fetches the keys again)', async () => {
    const before = await tokenFor({ roles: ['Analyst'] });
    expect((await call('GET', '/admin/datasets', withToken(before))).status).toBe(200);
    await stack.signIn.rotateKeys();
    const keyFetches = () => stack.signIn.requests().filter((request) => request.path.endsWith('/discovery/v2.0/keys')).length;
    const fetchesBefore = keyFetches();
    expect((await call('GET', '/admin/datasets', withToken(await tokenFor({ roles: ['Analyst'] })))).status).toBe(200);
    expect((await call('GET', '/admin/datasets', withToken(before))).status).toBe(200);
    expect(keyFetches()).toBe(fetchesBefore + 1);
  });
});

describe('[Brugerrettigheder] teams and actors come from the token', () => {
  it('[Brugerrettigheder][Permissionsstruktur1] a Global Contact colleague cannot reach MS members, whatever team the body names', async () => {
    const member = await signedUp('acc-member', { consents: [{ channel: 'email', given: true, at: '2026-03-01T09:00:00.000Z', source: 'KLIMA2026' }] });
    stack.onlineFundraising.put('agreement', 'acc-member-a', { contact_id: 'acc-member', type: 'membership', status: 'active', restricted: false });
    await stack.onlineFundraising.sendWebhook({ entity: 'agreement', entityId: 'acc-member-a', event: 'created' });
    const filter = async (teams: string[], body: Record<string, unknown>) =>
      (await (await call('POST', '/admin/segments/filter', await adminHeaders(stack, 'Editor', teams), { channel: 'email', personIds: [member], ...body })).json()) as { kept: string[]; excluded: { reasons: string[] }[] };
    await eventually(async () => expect((await filter(['global-contact'], {})).excluded).toEqual([{ personId: member, reasons: ['team-limit'] }]));
    expect((await filter(['global-contact'], { team: 'fundraising' })).excluded).toEqual([{ personId: member, reasons: ['team-limit'] }]);
    expect((await filter(['fundraising'], { team: 'global-contact' })).kept).toEqual([member]);
    const noTeam = await call('POST', '/admin/segments/filter', await adminHeaders(stack, 'Editor', []), { channel: 'email', personIds: [member], team: 'fundraising' });
    expect(noTeam.status).toBe(403);
    expect(await noTeam.json()).toMatchObject({ error: 'no_team' });
  });

  it('[Brugerrettigheder] a consent entered by member service is signed with the token\'s name and object id, not the body\'s', async () => {
    const personId = await signedUp('acc-consent');
    const entered = await as('MemberServiceEditor', 'POST', `/admin/persons/${personId}/consents`, { changes: [{ channel: 'sms', topic: 'all', action: 'granted' }], enteredBy: 'someone-else@ms.dk' });
    expect(entered.status).toBe(201);
    const { entries } = (await entered.json()) as { entries: { source: { kind: string; user: string } }[] };
    expect(entries[0]!.source).toEqual({ kind: 'staff', user: colleagueReference('MemberServiceEditor') });
  });

  it('[Brugerrettigheder] a job started by staff records who started it from the token', async () => {
    const started = await as('Editor', 'POST', '/admin/jobs/export-datasets/run', { requestedBy: 'not-me@ms.dk' });
    expect(started.status).toBe(202);
    expect(await started.json()).toMatchObject({ requestedBy: colleagueReference('Editor') });
  });
});

/** A token shaped like the tenant's, naming its current key, but signed with a key of the forger's own. */
async function forgedToken(): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  const kid = stack.signIn.tokens.jwks().keys[0]!.kid!;
  const now = Math.floor(stack.clock.now().getTime() / 1000);
  return new SignJWT({ oid: localStaff.Administrator.oid, tid: localSignIn.tenantId, roles: ['Administrator'], name: 'Mallory' })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer(stack.signIn.issuer)
    .setAudience(localSignIn.engineClientId)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + 600)
    .sign(privateKey);
}

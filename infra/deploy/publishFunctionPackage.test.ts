import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { PublishError, publishFunctionPackage, type PublishRequest } from './publishFunctionPackage.js';
import { startDeploymentSite, type DeploymentSite, type DeploymentSiteOptions } from './testDeploymentSite.js';

const token = 'entra-token-for-management';
const zip = zipSync({ 'host.json': new TextEncoder().encode('{"version":"2.0"}') });

let site: DeploymentSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

async function publishTo(options: Omit<DeploymentSiteOptions, 'token'>, overrides: Partial<PublishRequest> = {}) {
  site = await startDeploymentSite({ token, ...options });
  const waits: number[] = [];
  const logs: string[] = [];
  let tokensAsked = 0;
  const outcome = await publishFunctionPackage({
    scmUrl: site.url,
    zip,
    accessToken: async () => {
      tokensAsked++;
      return token;
    },
    wait: async (milliseconds) => void waits.push(milliseconds),
    log: (line) => logs.push(line),
    ...overrides,
  }).then(
    () => undefined,
    (error: Error) => error,
  );
  return { outcome, waits, logs, tokensAsked, site };
}

describe('publishing the code package to a Flex Consumption app (OneDeploy)', () => {
  it('[Hosting] sends the zip with a bearer token as application/zip to /api/publish, and the site holds those bytes', async () => {
    const { outcome, site } = await publishTo({ mode: 'sync' });
    expect(outcome).toBeUndefined();
    expect(site.requests).toEqual(['POST /api/publish?type=zip&RemoteBuild=false']);
    expect(site.packages).toHaveLength(1);
    expect(new Uint8Array(site.packages[0]!)).toEqual(zip);
  });

  it('[Hosting] follows an accepted deployment until the site reports success', async () => {
    const { outcome, site, waits } = await publishTo({ mode: 'async' });
    expect(outcome).toBeUndefined();
    expect(site.requests).toEqual([
      'POST /api/publish?type=zip&RemoteBuild=false',
      'GET /api/deployments/deployment-1',
      'GET /api/deployments/deployment-1',
      'GET /api/deployments/deployment-1',
    ]);
    expect(waits).toEqual([5000, 5000]);
  });

  it('[Hosting] fails with the site\'s reason when the deployment fails, so `pulumi up` fails', async () => {
    const { outcome } = await publishTo({ mode: 'async-failing' });
    expect(outcome).toBeInstanceOf(PublishError);
    expect(outcome?.message).toContain('host.json is invalid');
  });

  it('[Hosting] repeats the upload after 503 and 429 (honouring Retry-After) with a fresh token each time', async () => {
    const { outcome, site, waits, tokensAsked } = await publishTo({
      mode: 'sync',
      faults: [{ status: 503, body: 'Service Unavailable' }, { status: 429, headers: { 'retry-after': '7' } }],
    });
    expect(outcome).toBeUndefined();
    expect(site.requests.filter((line) => line.startsWith('POST'))).toHaveLength(3);
    expect(site.packages).toHaveLength(1);
    expect(waits).toEqual([5000, 7000]);
    expect(tokensAsked).toBe(3);
  });

  it('[Hosting] stops at once on a refused sign-in and says so', async () => {
    const { outcome, site } = await publishTo({ mode: 'sync' }, { accessToken: async () => 'someone-elses-token' });
    expect(outcome).toBeInstanceOf(PublishError);
    expect(outcome?.message).toMatch(/failed after 1 attempt\(s\): 401 Unauthorized/);
    expect(site.packages).toHaveLength(0);
  });

  it('[Hosting] gives up after the set attempts when the site cannot be reached', async () => {
    const closedPort = await unusedPort();
    const waits: number[] = [];
    const outcome = await publishFunctionPackage({
      scmUrl: `http://127.0.0.1:${closedPort}`,
      zip,
      accessToken: async () => token,
      wait: async (milliseconds) => void waits.push(milliseconds),
      maxAttempts: 4,
    }).catch((error: Error) => error);
    expect(outcome).toBeInstanceOf(PublishError);
    expect((outcome as Error).message).toContain('failed after 4 attempt(s)');
    expect(waits).toEqual([5000, 10000, 20000]);
  });
});

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

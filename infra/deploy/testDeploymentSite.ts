// Test support: a stand-in for a Flex Consumption app's deployment (Kudu) site, over real HTTP. It
// speaks the part of OneDeploy the program uses: `POST /api/publish?type=zip` with a bearer token and
// an `application/zip` body, answered 200 (done) or 202 with `Location: /api/deployments/<id>`, whose
// status moves from 1 (building) to 4 (success) or 3 (failed). Planned faults answer first.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PlannedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface DeploymentSiteOptions {
  /** The bearer token the site accepts. */
  token: string;
  /** `sync`: 200 when the package is taken; `async`: 202, then the deployment finishes (or fails) after two polls. */
  mode: 'sync' | 'async' | 'async-failing';
  /** Answers given to the next requests, in order, before normal handling. */
  faults?: PlannedAnswer[];
}

export interface DeploymentSite {
  url: string;
  /** Every package the site accepted. */
  packages: Buffer[];
  /** Method, path and query of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function startDeploymentSite({ token, mode, faults = [] }: DeploymentSiteOptions): Promise<DeploymentSite> {
  const packages: Buffer[] = [];
  const requests: string[] = [];
  const polls = new Map<string, number>();
  const planned = [...faults];

  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    requests.push(`${request.method} ${request.url}`);
    const fault = planned.shift();
    if (fault) return answer(response, fault.status, fault.body ?? '', fault.headers);
    if (request.headers.authorization !== `Bearer ${token}`) return answer(response, 401, 'Unauthorized');
    const url = new URL(request.url ?? '/', 'http://site');

    if (request.method === 'POST' && url.pathname === '/api/publish') {
      if (url.searchParams.get('type') !== 'zip') return answer(response, 400, 'type must be zip');
      if (request.headers['content-type'] !== 'application/zip') return answer(response, 415, 'content type must be application/zip');
      if (!body.subarray(0, 4).equals(zipSignature)) return answer(response, 400, 'The package is not a valid zip file');
      packages.push(body);
      if (mode === 'sync') return answer(response, 200, '');
      const id = `deployment-${packages.length}`;
      polls.set(id, 0);
      return answer(response, 202, '', { location: `/api/deployments/${id}` });
    }

    const deployment = /^\/api\/deployments\/([\w-]+)$/.exec(url.pathname)?.[1];
    if (request.method === 'GET' && deployment && polls.has(deployment)) {
      const seen = polls.get(deployment)! + 1;
      polls.set(deployment, seen);
      const finished = seen > 2;
      const status = !finished ? 1 : mode === 'async-failing' ? 3 : 4;
      const statusText = status === 3 ? 'Failed to start the app: host.json is invalid' : '';
      return answer(response, 200, JSON.stringify({ id: deployment, status, complete: finished, status_text: statusText }), {
        'content-type': 'application/json',
      });
    }
    return answer(response, 404, 'Not Found');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    packages,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function answer(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, headers).end(body);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Publishes a code package to a Function App on the Flex Consumption plan through its deployment
 * (Kudu) site: OneDeploy, `POST <scm>/api/publish?type=zip` with the zip as `application/zip` and an
 * Entra ID bearer token for Azure Resource Manager; what `az functionapp deploy` does. The platform
 * stores the package in the app's deployment container and restarts the app on it. Flex Consumption
 * has no `/api/zipdeploy` and no publishing passwords to rely on.
 */
export interface PublishRequest {
  /** `https://<app>.scm.azurewebsites.net` (the app's "Repository" host name). */
  scmUrl: string;
  zip: Uint8Array;
  /** A token for `https://management.azure.com/.default`, asked for before every request. */
  accessToken: () => Promise<string>;
  fetch?: typeof fetch;
  wait?: (milliseconds: number) => Promise<void>;
  log?: (line: string) => void;
  /** Attempts while the site answers 429, 5xx or cannot be reached (a new app's site takes a few minutes). */
  maxAttempts?: number;
  /** Longest time to wait for an accepted deployment to finish. */
  deploymentTimeoutMs?: number;
}

/** Kudu's deployment status codes (`/api/deployments/{id}`). */
const deploymentStatus = { failed: 3, success: 4 } as const;

export class PublishError extends Error {}

export async function publishFunctionPackage(request: PublishRequest): Promise<void> {
  const { scmUrl, zip, log = () => {} } = request;
  const publishUrl = `${scmUrl.replace(/\/$/, '')}/api/publish?type=zip&RemoteBuild=false`;
  log(`publishing ${zip.byteLength} bytes to ${publishUrl}`);
  const response = await sendWithRetries(request, publishUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/zip' },
    body: zip,
  });
  if (response.status === 202) await awaitDeployment(request, deploymentStatusUrl(scmUrl, response));
  log('package published; the app restarts on it');
}

/** Kudu answers 202 when it finishes in the background; `Location` names the deployment to follow. */
function deploymentStatusUrl(scmUrl: string, accepted: Response): string {
  const location = accepted.headers.get('location');
  return location ? new URL(location, scmUrl).toString() : `${scmUrl.replace(/\/$/, '')}/api/deployments/latest`;
}

interface KuduDeployment {
  status?: number;
  complete?: boolean;
  status_text?: string;
  log_url?: string;
}

async function awaitDeployment(request: PublishRequest, statusUrl: string): Promise<void> {
  const { wait = sleep, deploymentTimeoutMs = 15 * 60_000, log = () => {} } = request;
  const pollEveryMs = 5_000;
  for (let waited = 0; waited <= deploymentTimeoutMs; waited += pollEveryMs) {
    const response = await sendWithRetries(request, statusUrl, { method: 'GET' });
    const deployment = (await response.json()) as KuduDeployment;
    if (deployment.status === deploymentStatus.success) return;
    if (deployment.status === deploymentStatus.failed) {
      throw new PublishError(`deployment failed: ${deployment.status_text || 'no reason given'}${deployment.log_url ? ` (log: ${deployment.log_url})` : ''}`);
    }
    log(`deployment in progress (status ${deployment.status ?? 'unknown'})`);
    await wait(pollEveryMs);
  }
  throw new PublishError(`deployment did not finish within ${Math.round(deploymentTimeoutMs / 60_000)} minutes: ${statusUrl}`);
}

/** Sends the request; repeats it after 429, 5xx or a network failure, and fails on any other non-2xx answer. */
async function sendWithRetries(request: PublishRequest, url: string, init: RequestInit): Promise<Response> {
  const { fetch: send = fetch, wait = sleep, log = () => {}, maxAttempts = 10 } = request;
  for (let attempt = 1; ; attempt++) {
    const outcome = await send(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${await request.accessToken()}` } }).then(
      (response) => response,
      (error: unknown) => error as Error,
    );
    if (outcome instanceof Response && outcome.ok) return outcome;
    const retryable = !(outcome instanceof Response) || outcome.status === 429 || outcome.status >= 500;
    const reason = outcome instanceof Response ? `${outcome.status} ${await outcome.text()}`.trim() : outcome.message;
    if (!retryable || attempt >= maxAttempts) {
      throw new PublishError(`${init.method} ${url} failed after ${attempt} attempt(s): ${reason}`);
    }
    const delayMs = retryDelayMs(outcome instanceof Response ? outcome : undefined, attempt);
    log(`${init.method} ${url}: ${reason}; trying again in ${Math.round(delayMs / 1000)} s`);
    await wait(delayMs);
  }
}

/** The server's Retry-After when it gives one, else 5 s doubling up to a minute. */
function retryDelayMs(response: Response | undefined, attempt: number): number {
  const retryAfterSeconds = Number(response?.headers.get('retry-after'));
  if (Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0) return retryAfterSeconds * 1000;
  return Math.min(5_000 * 2 ** (attempt - 1), 60_000);
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

import type { DataverseSimulator } from '../../local/simulators/dataverse/server.js';
import type { RetryPolicy } from '../http/retryPolicy.js';
import { type DataverseConfig, DataverseClient } from './DataverseClient.js';

/** Test retries: quick back-off for 5xx; a Retry-After is still waited out as the server says. */
export const shortRetryPolicy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 5_000, maxRetryAfterMs: 5_000 };

/** A client configured against a running simulator, the way the engine is configured locally. */
export function dataverseClientFor(sim: DataverseSimulator, overrides: Partial<DataverseConfig> = {}): DataverseClient {
  return new DataverseClient({ orgUrl: sim.url, authorityUrl: sim.url, ...sim.credentials, retryPolicy: shortRetryPolicy, ...overrides });
}

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Clock } from '../../../domain/shared/Clock.js';
import { systemClock } from '../../../adapters/system/systemClock.js';
import { createDataverseApp } from './app.js';
import type { LoggedBatchOperation } from './BatchOperationLog.js';
import type { AppRegistration } from '../shared/EntraTokenIssuer.js';
import type { FaultRule } from '../shared/faults.js';
import type { LoggedRequest } from '../shared/requestLog.js';
import { type ThrottleLimit, dataverseRequestLimit } from './ServiceProtection.js';
import type { MergeOutcome } from './mergeAction.js';
import { SimulatorControl, type StaffMergeOptions, type StaffOperationResult, type StaffOptions } from './SimulatorControl.js';
import type { Row } from './TableStore.js';
import { type TableDefinition, defaultTableDefinitions } from './tableDefinitions.js';
import type { RegisteredWebhook, WebhookDelivery, WebhookRegistration } from './webhooks.js';

export interface DataverseSimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** The app registration the simulated Entra ID accepts; local defaults when omitted. */
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** Service protection; default Dataverse's 6000 requests per 300 s. */
  throttle?: ThrottleLimit;
  /** `expires_in` of issued tokens; default 3599 like Entra ID. */
  tokenLifetimeSeconds?: number;
  /** Tables added to (or replacing) the defaults: `contacts`, `accounts` and the `msengine_` mirror tables. */
  tables?: Record<string, TableDefinition>;
  clock?: Clock;
  /** The systemuserid of the app registration's application user (WhoAmI, webhooks); default `defaultApplicationUserId`. */
  applicationUserId?: string;
  /** The systemuserid `staffMerge`/`staffUpdate` act as by default; default `defaultStaffUserId`. */
  staffUserId?: string;
  /** How long a webhook may take to answer before the delivery counts as failed; default 60 000 ms. */
  webhookTimeoutMs?: number;
}

export interface DataverseSimulator {
  /** Base URL: use it as the Dataverse org URL and as the Entra ID authority URL. */
  url: string;
  /** `<url>/api/data/v9.2` */
  apiUrl: string;
  /** `<url>/<tenantId>/oauth2/v2.0/token` */
  tokenUrl: string;
  /** The credentials the simulator accepts. */
  credentials: AppRegistration;
  /** The systemuserid of the application user the credentials' tokens stand for (WhoAmI's UserId, a webhook's UserId). */
  applicationUserId: string;
  /** The systemuserid of the member of staff `staffMerge`/`staffUpdate` act as by default. */
  staffUserId: string;
  /** The rows of a table as the Web API returns them, oldest first. */
  rows(entitySet: string): Row[];
  /** The tables, to keep across restarts of `npm start`: `version` grows with every write. */
  tables: { version(): number; toJson(): string; fromJson(text: string): void };
  row(entitySet: string, id: string): Row | undefined;
  injectFault(rule: FaultRule): void;
  clearFaults(): void;
  /** Slows every answer by `ms` (0 to stop). */
  setDelay(ms: number): void;
  setThrottle(limit: ThrottleLimit): void;
  /** Refuses every token issued so far (the API answers 401 until the client fetches a new one). */
  expireTokens(): void;
  requests(): LoggedRequest[];
  /** The operations run inside `$batch` requests, oldest first; `requests()` has one entry per batch. */
  batchOperations(): LoggedBatchOperation[];
  /** Clears the request log and the batch operation log. */
  clearRequests(): void;
  /** Registers a webhook on Merge and/or Update of contacts (or accounts); throws a ZodError when it is not valid. */
  registerWebhook(registration: WebhookRegistration): RegisteredWebhook;
  unregisterWebhook(id: string): boolean;
  /** Webhook messages over this many bytes are cut down as Dataverse does (default 256 KB). */
  setWebhookMessageSizeLimit(bytes: number): void;
  clearWebhooks(): void;
  webhooks(): RegisteredWebhook[];
  /** Every webhook delivery so far, oldest first, pending ones included. */
  webhookDeliveries(): WebhookDelivery[];
  /** Waits for the webhook deliveries under way, then returns every delivery so far. */
  webhooksSettled(): Promise<WebhookDelivery[]>;
  /** A member of staff merges two contacts (or accounts) in Dynamics; resolves once its webhooks are delivered. */
  staffMerge(targetId: string, subordinateId: string, options?: StaffMergeOptions): Promise<StaffOperationResult & { outcome: MergeOutcome }>;
  /** A member of staff edits an existing row in Dynamics (`columns` as a Web API PATCH body); resolves once its webhooks are delivered. */
  staffUpdate(entitySet: string, id: string, columns: Record<string, unknown>, options?: StaffOptions): Promise<StaffOperationResult>;
  /** Forgets rows, faults, the delay, the request and batch operation logs, webhook deliveries and counted requests; keeps registered webhooks. */
  reset(): void;
  /** The state behind the simulator, for what the methods above do not cover. */
  control: SimulatorControl;
  close(): Promise<void>;
}

export const localDataverseApp: AppRegistration = {
  tenantId: '00000000-0000-0000-0000-00000000a11e',
  clientId: '11111111-1111-1111-1111-111111111111',
  clientSecret: 'local-dataverse-client-secret',
};

/** The application user of the local app registration: what WhoAmI answers and webhooks carry as UserId for API calls. */
export const defaultApplicationUserId = 'a1a1a1a1-a1a1-4a1a-8a1a-a1a1a1a1a1a1';

/** The member of staff (systemuserid) who merges and edits rows in Dynamics through `staffMerge`/`staffUpdate`. */
export const defaultStaffUserId = '5aff5aff-5aff-45af-85af-5aff5aff5aff';


/** Starts the Dataverse Web API simulator (with its Entra ID token endpoint) on its own port. */
export async function startDataverseSimulator(options: DataverseSimulatorOptions = {}): Promise<DataverseSimulator> {
  let app: Hono | undefined;
  // The app needs the URL, which is only known once the server listens; nothing arrives before that.
  const server = createAdaptorServer({ fetch: (request) => app!.fetch(request) }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  const credentials: AppRegistration = {
    tenantId: options.tenantId ?? localDataverseApp.tenantId,
    clientId: options.clientId ?? localDataverseApp.clientId,
    clientSecret: options.clientSecret ?? localDataverseApp.clientSecret,
  };
  const control = new SimulatorControl({
    url,
    app: credentials,
    tables: { ...defaultTableDefinitions, ...options.tables },
    throttle: options.throttle ?? dataverseRequestLimit,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
    clock: options.clock ?? systemClock,
    applicationUserId: (options.applicationUserId ?? defaultApplicationUserId).toLowerCase(),
    staffUserId: (options.staffUserId ?? defaultStaffUserId).toLowerCase(),
    webhookTimeoutMs: options.webhookTimeoutMs ?? 60_000,
  });
  app = createDataverseApp(control);

  return {
    url,
    apiUrl: control.apiUrl,
    tokenUrl: `${url}/${credentials.tenantId}/oauth2/v2.0/token`,
    credentials,
    applicationUserId: control.settings.applicationUserId,
    staffUserId: control.settings.staffUserId,
    rows: (entitySet) => control.rows(entitySet),
    tables: { version: () => control.store.version(), toJson: () => control.store.toJson(), fromJson: (text) => control.store.fromJson(text) },
    row: (entitySet, id) => control.row(entitySet, id),
    injectFault: (rule) => control.injectFault(rule),
    clearFaults: () => control.clearFaults(),
    setDelay: (ms) => control.setDelay(ms),
    setThrottle: (limit) => control.setThrottle(limit),
    expireTokens: () => control.expireTokens(),
    requests: () => control.requests(),
    batchOperations: () => control.batchOperations(),
    clearRequests: () => control.clearRequests(),
    registerWebhook: (registration) => control.registerWebhook(registration),
    setWebhookMessageSizeLimit: (bytes) => {
      control.webhookDispatcher.messageSizeLimitBytes = bytes;
    },
    unregisterWebhook: (id) => control.unregisterWebhook(id),
    clearWebhooks: () => control.clearWebhooks(),
    webhooks: () => control.webhooks(),
    webhookDeliveries: () => control.webhookDeliveries(),
    webhooksSettled: () => control.webhooksSettled(),
    staffMerge: (targetId, subordinateId, options) => control.staffMerge(targetId, subordinateId, options),
    staffUpdate: (entitySet, id, columns, options) => control.staffUpdate(entitySet, id, columns, options),
    reset: () => control.reset(),
    control,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

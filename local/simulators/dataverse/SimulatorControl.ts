import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../domain/shared/Clock.js';
import { type ApiResponse, DataverseErrorResponse } from './ApiResponse.js';
import { BatchOperationLog, type LoggedBatchOperation } from './BatchOperationLog.js';
import { type AppRegistration, EntraTokenIssuer } from '../shared/EntraTokenIssuer.js';
import { type WebApiContext, executeWebApiRequest } from './entityRequests.js';
import { type MergeOutcome, mergeRows } from './mergeAction.js';
import type { OperationEvent, OperationEventSink } from './operationEvents.js';
import { rowRepresentation } from './rowRepresentation.js';
import { ServiceProtection, type ThrottleLimit } from './ServiceProtection.js';
import { SimulatorControlBase } from '../shared/SimulatorControlBase.js';
import { type Row, TableStore } from './TableStore.js';
import type { TableDefinition } from './tableDefinitions.js';
import { type RegisteredWebhook, type WebhookDelivery, WebhookDispatcher, type WebhookRegistration } from './webhooks.js';

export interface SimulatorSettings {
  /** The simulator's base URL: the Dataverse org URL and the Entra ID authority URL alike. */
  url: string;
  app: AppRegistration;
  tables: Record<string, TableDefinition>;
  throttle: ThrottleLimit;
  tokenLifetimeSeconds: number;
  clock: Clock;
  /** The systemuserid of the application user the app registration's tokens stand for. */
  applicationUserId: string;
  /** The systemuserid `staffMerge`/`staffUpdate` act as unless told otherwise. */
  staffUserId: string;
  /** How long a webhook delivery may take before it counts as failed. */
  webhookTimeoutMs: number;
}

export interface StaffOptions {
  /** The member of staff (systemuserid) doing it; default the simulator's staff user. */
  userId?: string;
}

export interface StaffMergeOptions extends StaffOptions {
  /** Default `contact`. */
  entity?: 'contact' | 'account';
  /** Columns written on the target, in the Web API's body format. */
  updateContent?: Record<string, unknown>;
  /** Default false. */
  performParentingChecks?: boolean;
}

export interface StaffOperationResult {
  /** The webhook deliveries the operation caused, done (delivered or failed). */
  deliveries: WebhookDelivery[];
}

/** What Dataverse would have answered when a staff operation is refused (404 missing row, 400 …). */
export class StaffOperationError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StaffOperationError';
  }

  static of(response: ApiResponse): StaffOperationError {
    const error = (response.body as { error?: { code?: string; message?: string } } | undefined)?.error;
    return new StaffOperationError(response.status, error?.code ?? '', error?.message ?? `Dataverse answered ${response.status}`);
  }
}

/** The unique name the simulated organisation has (`OrganizationName` in webhook contexts). */
const organizationName = 'orgsimulator';

/** The simulated Dataverse's state and everything a test or a developer can do to it. */
export class SimulatorControl extends SimulatorControlBase {
  readonly store = new TableStore();
  readonly batchLog = new BatchOperationLog();
  readonly tokens: EntraTokenIssuer;
  readonly serviceProtection: ServiceProtection;
  /** What `GET WhoAmI` answers: the application user the simulator's tokens stand for. */
  readonly identity: { BusinessUnitId: string; UserId: string; OrganizationId: string };
  /** The registered webhooks and their deliveries. */
  readonly webhookDispatcher: WebhookDispatcher;
  private delayMs = 0;

  constructor(readonly settings: SimulatorSettings) {
    super();
    this.tokens = new EntraTokenIssuer(settings.app, settings.url, settings.tokenLifetimeSeconds, settings.clock);
    this.serviceProtection = new ServiceProtection(settings.throttle);
    this.identity = { BusinessUnitId: randomUUID(), UserId: settings.applicationUserId, OrganizationId: randomUUID() };
    this.webhookDispatcher = new WebhookDispatcher({
      businessUnitId: this.identity.BusinessUnitId,
      organizationId: this.identity.OrganizationId,
      organizationName,
      organizationHost: new URL(settings.url).host,
      now: () => settings.clock.now(),
      timeoutMs: settings.webhookTimeoutMs,
    });
  }

  get apiUrl(): string {
    return `${this.settings.url}/api/data/v9.2`;
  }

  webApiContext(onEvent?: OperationEventSink): WebApiContext {
    return { store: this.store, tables: this.settings.tables, apiUrl: this.apiUrl, now: () => this.settings.clock.now(), ...(onEvent && { onEvent }) };
  }

  /**
   * Sends the webhooks for what an API request did, as the application user, in the background
   * (see `webhooksSettled`).
   */
  notifyWebhooks(events: OperationEvent[]): void {
    if (events.length > 0) void this.webhookDispatcher.dispatch(events, { userId: this.settings.applicationUserId });
  }

  /** Registers a webhook (a service endpoint with a step per message); throws a ZodError when it is not valid. */
  registerWebhook(registration: WebhookRegistration): RegisteredWebhook {
    return this.webhookDispatcher.register(registration);
  }

  unregisterWebhook(id: string): boolean {
    return this.webhookDispatcher.unregister(id);
  }

  clearWebhooks(): void {
    this.webhookDispatcher.clear();
  }

  webhooks(): RegisteredWebhook[] {
    return this.webhookDispatcher.registered();
  }

  /** Every webhook delivery so far, oldest first, pending ones included. */
  webhookDeliveries(): WebhookDelivery[] {
    return this.webhookDispatcher.deliveries();
  }

  /** Waits for the deliveries under way, then returns every delivery so far. */
  webhooksSettled(): Promise<WebhookDelivery[]> {
    return this.webhookDispatcher.settled();
  }

  /**
   * A member of staff merges `subordinateId` into `targetId` in Dynamics (no API call, no token, no
   * throttling): the same merge as the Merge action, then the webhooks, sent as that user and
   * awaited. Throws `StaffOperationError` when Dataverse would refuse it.
   */
  async staffMerge(targetId: string, subordinateId: string, options: StaffMergeOptions = {}): Promise<StaffOperationResult & { outcome: MergeOutcome }> {
    const events: OperationEvent[] = [];
    const logicalName = options.entity ?? 'contact';
    const entitySet = Object.entries(this.settings.tables).find(([, table]) => table.logicalName === logicalName)?.[0] ?? `${logicalName}s`;
    let outcome: MergeOutcome;
    try {
      outcome = mergeRows(
        {
          entitySet,
          targetId,
          subordinateId,
          ...(options.updateContent && { updateContent: options.updateContent }),
          performParentingChecks: options.performParentingChecks ?? false,
        },
        this.webApiContext((event) => events.push(event)),
      );
    } catch (error) {
      if (error instanceof DataverseErrorResponse) throw StaffOperationError.of(error.response);
      throw error;
    }
    const deliveries = await this.webhookDispatcher.dispatch(events, { userId: options.userId ?? this.settings.staffUserId });
    return { outcome, deliveries };
  }

  /**
   * A member of staff edits an existing row in Dynamics (no API call): `columns` as a Web API PATCH
   * body, checked like one; then the Update webhooks, sent as that user and awaited. Throws
   * `StaffOperationError` (404 when the row does not exist).
   */
  async staffUpdate(entitySet: string, id: string, columns: Record<string, unknown>, options: StaffOptions = {}): Promise<StaffOperationResult> {
    this.table(entitySet);
    const events: OperationEvent[] = [];
    const response = executeWebApiRequest(
      { method: 'PATCH', path: `${entitySet}(${id})`, query: new URLSearchParams(), headers: new Headers({ 'if-match': '*' }), body: JSON.stringify(columns) },
      this.webApiContext((event) => events.push(event)),
    );
    if (response.status >= 400) throw StaffOperationError.of(response);
    const deliveries = await this.webhookDispatcher.dispatch(events, { userId: options.userId ?? this.settings.staffUserId });
    return { deliveries };
  }

  /** The rows of a table as the Web API returns them (every column, `@odata.etag`), oldest first. */
  rows(entitySet: string): Row[] {
    const table = this.table(entitySet);
    return this.store.all(entitySet).map((row) => rowRepresentation(table, row));
  }

  row(entitySet: string, id: string): Row | undefined {
    const table = this.table(entitySet);
    const row = this.store.get(entitySet, id);
    return row && rowRepresentation(table, row);
  }

  /** Every answer from now on comes this much later (0 to stop), on top of any fault rule's delay. */
  setDelay(ms: number): void {
    this.delayMs = ms;
  }

  get delay(): number {
    return this.delayMs;
  }

  /** Changes the service protection limit and forgets the requests counted so far. */
  setThrottle(limit: ThrottleLimit): void {
    this.serviceProtection.setLimit(limit);
  }

  /** Every access token issued so far is refused from now on (the API answers 401 until a new one is fetched). */
  expireTokens(): void {
    this.tokens.expireAll();
  }

  /** The operations run inside `$batch` requests so far, oldest first (the request log has one entry per batch). */
  batchOperations(): LoggedBatchOperation[] {
    return this.batchLog.all();
  }

  /** Clears the request log and the batch operation log. */
  override clearRequests(): void {
    super.clearRequests();
    this.batchLog.clear();
  }

  /**
   * Forgets all rows, faults, the delay, logged requests and operations, webhook deliveries, and
   * counted requests; tokens and registered webhooks stay.
   */
  override reset(): void {
    this.store.clear();
    this.faults.clear();
    this.log.clear();
    this.batchLog.clear();
    this.webhookDispatcher.clearDeliveries();
    this.serviceProtection.reset();
    this.delayMs = 0;
  }

  table(entitySet: string): TableDefinition {
    const table = this.settings.tables[entitySet];
    if (!table) throw new Error(`the Dataverse simulator has no table '${entitySet}'`);
    return table;
  }
}

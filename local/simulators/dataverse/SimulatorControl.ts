import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../domain/shared/Clock.js';
import { BatchOperationLog, type LoggedBatchOperation } from './BatchOperationLog.js';
import { type AppRegistration, EntraTokenIssuer } from './EntraTokenIssuer.js';
import type { WebApiContext } from './entityRequests.js';
import { type FaultRule, FaultInjector } from '../shared/faults.js';
import { type LoggedRequest, RequestLog } from '../shared/requestLog.js';
import { rowRepresentation } from './rowRepresentation.js';
import { ServiceProtection, type ThrottleLimit } from './ServiceProtection.js';
import { type Row, TableStore } from './TableStore.js';
import type { TableDefinition } from './tableDefinitions.js';

export interface SimulatorSettings {
  /** The simulator's base URL: the Dataverse org URL and the Entra ID authority URL alike. */
  url: string;
  app: AppRegistration;
  tables: Record<string, TableDefinition>;
  throttle: ThrottleLimit;
  tokenLifetimeSeconds: number;
  clock: Clock;
}

/** The simulated Dataverse's state and everything a test or a developer can do to it. */
export class SimulatorControl {
  readonly store = new TableStore();
  readonly faults = new FaultInjector();
  readonly log = new RequestLog();
  readonly batchLog = new BatchOperationLog();
  readonly tokens: EntraTokenIssuer;
  readonly serviceProtection: ServiceProtection;
  /** What `GET WhoAmI` answers: the application user the simulator's tokens stand for. */
  readonly identity = { BusinessUnitId: randomUUID(), UserId: randomUUID(), OrganizationId: randomUUID() };
  private delayMs = 0;

  constructor(readonly settings: SimulatorSettings) {
    this.tokens = new EntraTokenIssuer(settings.app, settings.url, settings.tokenLifetimeSeconds, settings.clock);
    this.serviceProtection = new ServiceProtection(settings.throttle);
  }

  get apiUrl(): string {
    return `${this.settings.url}/api/data/v9.2`;
  }

  webApiContext(): WebApiContext {
    return { store: this.store, tables: this.settings.tables, apiUrl: this.apiUrl, now: () => this.settings.clock.now() };
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

  injectFault(rule: FaultRule): void {
    this.faults.add(rule);
  }

  clearFaults(): void {
    this.faults.clear();
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

  /** The token and API requests answered so far (not the /_sim/ ones), oldest first. */
  requests(): LoggedRequest[] {
    return this.log.all();
  }

  /** The operations run inside `$batch` requests so far, oldest first (the request log has one entry per batch). */
  batchOperations(): LoggedBatchOperation[] {
    return this.batchLog.all();
  }

  /** Clears the request log and the batch operation log. */
  clearRequests(): void {
    this.log.clear();
    this.batchLog.clear();
  }

  /** Forgets all rows, faults, the delay, logged requests and operations, and counted requests; tokens stay valid. */
  reset(): void {
    this.store.clear();
    this.faults.clear();
    this.log.clear();
    this.batchLog.clear();
    this.serviceProtection.reset();
    this.delayMs = 0;
  }

  table(entitySet: string): TableDefinition {
    const table = this.settings.tables[entitySet];
    if (!table) throw new Error(`the Dataverse simulator has no table '${entitySet}'`);
    return table;
  }
}

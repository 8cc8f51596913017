import { join } from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import type { PacingPolicy } from '../adapters/dataverse/pacing.js';
import type { RetryPolicy, Sleep } from '../adapters/http/retryPolicy.js';
import { cosmosContainers, ensureCosmosContainers } from '../adapters/cosmos/containers.js';
import { silentLogger } from '../adapters/system/jsonLogger.js';
import { systemClock } from '../adapters/system/systemClock.js';
import type { Clock } from '../domain/shared/Clock.js';
import type { Logger } from '../domain/shared/Logger.js';
import { type EngineEnvironment, loadConfig } from '../handlers/config.js';
import { type Engine, createEngine } from '../handlers/engine.js';
import type { Wait } from '../domain/shared/Wait.js';
import { type LocalHost, startLocalHost } from './host/localHost.js';
import type { QueueRunnerOptions } from './host/queueRunner.js';
import { type RunningAzurite, startAzurite } from './standins/azurite.js';
import { type RunningCosmos, startCosmos } from './standins/cosmos.js';
import { cosmosSnapshotFile, loadDataverseTables, persistLocally } from './standins/localPersistence.js';
import { type EmailSimulator, startEmailSimulator } from './simulators/email/server.js';
import { eventKeyHeader } from '../handlers/http/acsEmailEventsWebhook.js';
import { startDataverseSimulator } from './simulators/dataverse/server.js';
import { startOnlineFundraisingSimulator } from './simulators/onlinefundraising/server.js';
import { type DrupalSimulator, startDrupalSimulator } from './simulators/drupal/server.js';
import { type SignInSimulator, startSignInSimulator } from './simulators/signin/server.js';
import { localSignIn } from './simulators/signin/localStaff.js';
import { seedLocalTeams } from './standins/localTeams.js';
import { type SftpSimulator, startSftpSimulator } from './simulators/sftp/server.js';
import { type HeroBaseSimulator, startHeroBaseSimulator } from './simulators/herobase/server.js';
import { type BusinessCentralSimulator, localBusinessCentral, startBusinessCentralSimulator } from './simulators/businesscentral/server.js';
import type { StepLimits } from '../domain/bookkeeping/continuePostingRun.js';
import type { QueueRetryPolicy } from '../domain/messaging/queueRetry.js';

/** Local-only credentials shared by the simulators and the engine; none of them is used in Azure. */
export const localCredentials = {
  ofApiKey: 'local-of-api-key',
  ofWebhookSecret: 'local-of-webhook-secret-0123456789',
  dataverseTenantId: '00000000-0000-0000-0000-00000000a11e',
  dataverseClientId: '11111111-1111-1111-1111-111111111111',
  dataverseClientSecret: 'local-dataverse-client-secret',
  dataverseWebhookKey: 'local-dataverse-webhook-key',
  drupalUsername: 'local-engine-api',
  drupalPassword: 'local-drupal-password',
  drupalWebhookSecret: 'local-drupal-webhook-secret-0123',
  preferenceLinkSecret: 'local-preference-link-secret-0123456789abcdef',
  acsEventsWebhookKey: 'local-acs-events-webhook-key-0123456789abcdef',
  /** The TM vendor's SFTP login the local SFTP server takes. */
  telemarketingSftpUser: 'ms-leads',
  telemarketingSftpPassword: 'local-tm-sftp-password',
  heroBaseApiKey: 'local-herobase-api-key',
  heroBaseWebhookSecret: 'local-herobase-webhook-secret-0123',
  /** Fixed, obviously local CPR keys (base64 of 32 bytes each). */
  cprEncryptionKeys: JSON.stringify({ current: 'local-1', keys: { 'local-1': Buffer.from('ms-engine-local-cpr-key-version1').toString('base64') } }),
  cprLookupKey: Buffer.from('ms-engine-local-cpr-lookup-key!!').toString('base64'),
};

export interface LocalStackOptions {
  /** Keep Azurite's, the Cosmos stand-in's and the Dataverse simulator's data here across restarts; omitted = memory only. */
  dataDir?: string;
  /** With `dataDir`: save the in-memory stand-ins this often while they change (else only on a clean stop). */
  saveEveryMs?: number;
  host?: string;
  ports?: Partial<Record<'engine' | 'blob' | 'queue' | 'cosmos' | 'onlineFundraising' | 'dataverse' | 'email' | 'drupal' | 'businessCentral' | 'signIn' | 'telemarketingSftp' | 'heroBase', number>>;
  logger?: Logger;
  queue?: Partial<QueueRunnerOptions>;
  retryPolicy?: RetryPolicy;
  sleep?: Sleep;
  databaseName?: string;
  /** False: timers do not run on their schedules (tests call them when they want). */
  runTimers?: boolean;
  /** The CRM writer's pacing (a benchmark that scales Dataverse's limits down scales this too). */
  dataversePacing?: Partial<PacingPolicy>;
  /**
   * The clock of the whole stack: the engine and every simulator (default: the system clock). Tests
   * run on a clock of their own so that business dates never depend on the machine's date.
   */
  clock?: Clock;
  /** The OF simulator's own clock, when it should differ from the stack's (OF answering with older data). */
  onlineFundraisingClock?: Clock;
  /** How much one posting-run step does (tests make steps small). */
  postingStepLimits?: StepLimits;
  /** How failed queue work is retried (tests make the real delays short). */
  queueRetryPolicy?: QueueRetryPolicy;
  /** How the sender waits between messages to keep to the rate; real time unless a test says otherwise. */
  senderWait?: Wait;
}

export type OnlineFundraisingSimulator = Awaited<ReturnType<typeof startOnlineFundraisingSimulator>>;
export type DataverseSimulator = Awaited<ReturnType<typeof startDataverseSimulator>>;

export interface LocalStack {
  engineUrl: string;
  /** The stack's clock (the engine's and the simulators'). */
  clock: Clock;
  azurite: RunningAzurite;
  cosmos: RunningCosmos;
  onlineFundraising: OnlineFundraisingSimulator;
  dataverse: DataverseSimulator;
  email: EmailSimulator;
  drupal: DrupalSimulator;
  businessCentral: BusinessCentralSimulator;
  /** [Leadflow] The telemarketing vendor's SFTP server; the nightly lead files land in `/inbound`. */
  telemarketingSftp: SftpSimulator;
  /** [Dialer1] The dialer; it notifies the engine's `/webhooks/herobase`. */
  heroBase: HeroBaseSimulator;
  /** The Entra ID tenant staff sign in to: `signIn.tokenForColleague('Analyst')` and friends. */
  signIn: SignInSimulator;
  engine: Engine;
  environment: EngineEnvironment;
  stop(): Promise<void>;
}

/**
 * Starts the whole engine locally on real stand-ins: Azurite (Blob, Queue), the Cosmos DB
 * stand-in, the OnlineFundraising and Dataverse simulators, and the local Functions host.
 * Used by `npm start`, the tests and the benchmark alike.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const host = options.host ?? '127.0.0.1';
  const ports = options.ports ?? {};
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const azurite = await startAzurite({
    host,
    ...(ports.blob !== undefined && { blobPort: ports.blob }),
    ...(ports.queue !== undefined && { queuePort: ports.queue }),
    ...(options.dataDir && { location: join(options.dataDir, 'azurite') }),
  });
  const cosmos = await startCosmos({ host, port: ports.cosmos ?? 0, ...(options.dataDir && { snapshotFile: cosmosSnapshotFile(options.dataDir) }) });
  const onlineFundraising = await startOnlineFundraisingSimulator({
    host,
    port: ports.onlineFundraising ?? 0,
    apiKey: localCredentials.ofApiKey,
    webhookSecret: localCredentials.ofWebhookSecret,
    clock: options.onlineFundraisingClock ?? clock,
  });
  const dataverse = await startDataverseSimulator({
    host,
    port: ports.dataverse ?? 0,
    tenantId: localCredentials.dataverseTenantId,
    clientId: localCredentials.dataverseClientId,
    clientSecret: localCredentials.dataverseClientSecret,
    clock,
  });
  if (options.dataDir) await loadDataverseTables(options.dataDir, dataverse.tables);
  // The ACS SDK signs each request with the machine's time (x-ms-date), so the mail simulator checks it on that.
  const email = await startEmailSimulator({ host, port: ports.email ?? 0 });
  const drupal = await startDrupalSimulator({
    host,
    port: ports.drupal ?? 0,
    username: localCredentials.drupalUsername,
    password: localCredentials.drupalPassword,
    webhookSecret: localCredentials.drupalWebhookSecret,
    clock,
  });
  const businessCentral = await startBusinessCentralSimulator({ host, port: ports.businessCentral ?? 0, clock });
  const signIn = await startSignInSimulator({ host, port: ports.signIn ?? 0, clock });
  const telemarketingSftp = await startSftpSimulator({
    host,
    port: ports.telemarketingSftp ?? 0,
    users: [{ username: localCredentials.telemarketingSftpUser, password: localCredentials.telemarketingSftpPassword }],
    directories: [localTelemarketingDirectory],
    clock,
  });
  const heroBase = await startHeroBaseSimulator({ host, port: ports.heroBase ?? 0, apiKey: localCredentials.heroBaseApiKey, webhookSecret: localCredentials.heroBaseWebhookSecret, clock });
  const environment = localEnvironment({
    telemarketingSftp,
    heroBaseUrl: heroBase.url,
    businessCentral,
    azurite,
    cosmos,
    onlineFundraisingUrl: onlineFundraising.url,
    dataverseUrl: dataverse.url,
    emailConnectionString: email.connectionString,
    drupalUrl: drupal.url,
    signInIssuer: signIn.issuer,
    databaseName: options.databaseName,
  });
  const config = loadConfig(environment);
  const cosmosClient = new CosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, connectionPolicy: { enableEndpointDiscovery: false } });
  await ensureCosmosContainers(cosmosClient, config.cosmos.database);
  await seedLocalTeams(cosmosClient.database(config.cosmos.database).container(cosmosContainers.engineState.id), clock);
  cosmosClient.dispose();
  const engine = createEngine({
    config,
    logger,
    clock,
    ...(options.dataversePacing && { dataversePacing: options.dataversePacing }),
    ...(options.postingStepLimits && { postingStepLimits: options.postingStepLimits }),
    ...(options.queueRetryPolicy && { queueRetryPolicy: options.queueRetryPolicy }),
    ...(options.retryPolicy && { retryPolicy: options.retryPolicy }),
    ...(options.sleep && { sleep: options.sleep }),
    ...(options.senderWait && { wait: options.senderWait }),
  });
  const localHost: LocalHost = await startLocalHost(engine, {
    host,
    port: ports.engine ?? 0,
    logger,
    ...(options.queue && { queue: options.queue }),
    ...(options.runTimers !== undefined && { runTimers: options.runTimers }),
  });
  const persistence = options.dataDir ? persistLocally(options.dataDir, { cosmos, dataverseTables: dataverse.tables }, options.saveEveryMs ?? 0) : undefined;
  onlineFundraising.setWebhookTarget(`${localHost.url}/webhooks/onlinefundraising`);
  drupal.setWebhookTarget(`${localHost.url}/webhooks/drupal`);
  heroBase.setWebhookTarget(`${localHost.url}/webhooks/herobase`);
  // As MS's IT subscribes Event Grid to the ACS resource's mail events, with the engine's key as a secret delivery header.
  await email.subscribeEvents({ url: `${localHost.url}/webhooks/acs-email`, schema: 'EventGrid', header: { name: eventKeyHeader, value: localCredentials.acsEventsWebhookKey } });
  // As MS's IT registers it in Dynamics: steps on Merge and Update of contacts, posting to the engine with its key.
  dataverse.registerWebhook({
    url: `${localHost.url}/webhooks/dataverse`,
    messages: ['Merge', 'Update'],
    entity: 'contact',
    auth: { kind: 'webhookKey', value: localCredentials.dataverseWebhookKey },
  });

  return {
    engineUrl: localHost.url,
    clock,
    azurite,
    cosmos,
    onlineFundraising,
    dataverse,
    email,
    drupal,
    businessCentral,
    telemarketingSftp,
    heroBase,
    signIn,
    engine,
    environment,
    stop: async () => {
      await localHost.stop();
      engine.dispose();
      await persistence?.stop();
      await Promise.all([onlineFundraising.close(), dataverse.close(), email.close(), drupal.close(), businessCentral.close(), telemarketingSftp.close(), heroBase.close(), signIn.close(), cosmos.close(), azurite.close()]);
    },
  };
}

/** The folder the local TM vendor takes lead files in. */
export const localTelemarketingDirectory = '/inbound';

function localEnvironment(parts: {
  telemarketingSftp: SftpSimulator;
  heroBaseUrl: string;
  azurite: RunningAzurite;
  cosmos: RunningCosmos;
  onlineFundraisingUrl: string;
  dataverseUrl: string;
  emailConnectionString: string;
  drupalUrl: string;
  signInIssuer: string;
  businessCentral: BusinessCentralSimulator;
  databaseName: string | undefined;
}): EngineEnvironment {
  return {
    COSMOS_ENDPOINT: parts.cosmos.endpoint,
    COSMOS_KEY: parts.cosmos.key,
    COSMOS_DATABASE: parts.databaseName ?? 'ms-engine',
    AzureWebJobsStorage: parts.azurite.connectionString,
    OF_API_URL: `${parts.onlineFundraisingUrl}/api/v1`,
    OF_API_KEY: localCredentials.ofApiKey,
    OF_WEBHOOK_SECRET: localCredentials.ofWebhookSecret,
    DATAVERSE_URL: parts.dataverseUrl,
    DATAVERSE_AUTHORITY_URL: parts.dataverseUrl,
    DATAVERSE_TENANT_ID: localCredentials.dataverseTenantId,
    DATAVERSE_CLIENT_ID: localCredentials.dataverseClientId,
    DATAVERSE_CLIENT_SECRET: localCredentials.dataverseClientSecret,
    DATAVERSE_WEBHOOK_KEY: localCredentials.dataverseWebhookKey,
    STAFF_AUTH_ISSUER: parts.signInIssuer,
    CPR_ENCRYPTION_KEYS: localCredentials.cprEncryptionKeys,
    CPR_LOOKUP_KEY: localCredentials.cprLookupKey,
    STAFF_AUTH_TENANT_ID: localSignIn.tenantId,
    STAFF_AUTH_AUDIENCE: localSignIn.engineClientId,
    ACS_EMAIL_CONNECTION_STRING: parts.emailConnectionString,
    ACS_EMAIL_SENDER: 'DoNotReply@engine.ms.dk',
    DRUPAL_URL: parts.drupalUrl,
    DRUPAL_USERNAME: localCredentials.drupalUsername,
    DRUPAL_PASSWORD: localCredentials.drupalPassword,
    DRUPAL_WEBHOOK_SECRET: localCredentials.drupalWebhookSecret,
    PREFERENCE_LINK_SECRET: localCredentials.preferenceLinkSecret,
    ACS_EVENTS_WEBHOOK_KEY: localCredentials.acsEventsWebhookKey,
    BC_API_URL: parts.businessCentral.url,
    BC_AUTHORITY_URL: parts.businessCentral.authorityUrl,
    BC_TENANT_ID: localBusinessCentral.tenantId,
    BC_CLIENT_ID: localBusinessCentral.clientId,
    BC_CLIENT_SECRET: localBusinessCentral.clientSecret,
    BC_COMPANY_ID: localBusinessCentral.companyId,
    BC_JOURNAL_CODE: localBusinessCentral.journalCode,
    TM_SFTP_HOST: parts.telemarketingSftp.host,
    TM_SFTP_PORT: String(parts.telemarketingSftp.port),
    TM_SFTP_USERNAME: localCredentials.telemarketingSftpUser,
    TM_SFTP_HOST_KEY: parts.telemarketingSftp.hostKeyFingerprint,
    TM_SFTP_DIRECTORY: localTelemarketingDirectory,
    TM_SFTP_CREDENTIAL: localCredentials.telemarketingSftpPassword,
    HEROBASE_API_URL: `${parts.heroBaseUrl}/api/v1`,
    HEROBASE_API_KEY: localCredentials.heroBaseApiKey,
    HEROBASE_WEBHOOK_SECRET: localCredentials.heroBaseWebhookSecret,
  };
}


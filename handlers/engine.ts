import type { Hono } from 'hono';
import { CosmosAutomationTriggerStore } from '../adapters/cosmos/CosmosAutomationTriggerStore.js';
import { CosmosConsentLog } from '../adapters/cosmos/CosmosConsentLog.js';
import { CosmosStopList } from '../adapters/cosmos/CosmosStopList.js';
import { JosePersonLinks } from '../adapters/tokens/JosePersonLinks.js';
import { wireSending } from './wiring/sending.js';
import { wireTelemarketing } from './wiring/telemarketing.js';
import { wireTaxReport } from './wiring/taxReport.js';
import { dialerNotificationsFunction } from './queue/dialerNotificationsFunction.js';
import { emailReportsFunction } from './queue/emailReportsFunction.js';
import { contactPreferencesFunction } from './timer/contactPreferencesFunction.js';
import { CosmosContactPreferenceChanges } from '../adapters/cosmos/CosmosContactPreferenceChanges.js';
import type { Wait } from '../domain/shared/Wait.js';
import { CosmosSignatureStore } from '../adapters/cosmos/CosmosSignatureStore.js';
import { CosmosMarketingLists } from '../adapters/cosmos/CosmosMarketingLists.js';
import { CosmosFormSubmissionRecords } from '../adapters/cosmos/CosmosFormSubmissionRecords.js';
import { DrupalSubmissionReader } from '../adapters/drupal/DrupalSubmissionReader.js';
import type { DrupalFormTable } from '../domain/forms/DrupalForm.js';
import { drupalNotificationsFunction } from './queue/drupalNotificationsFunction.js';
import { formImportsFunction } from './queue/formImportsFunction.js';
import { CosmosDeadLetterStore } from '../adapters/cosmos/CosmosDeadLetterStore.js';
import { CosmosMirrorRepository } from '../adapters/cosmos/CosmosMirrorRepository.js';
import { CosmosDuplicateReviewStore } from '../adapters/cosmos/CosmosDuplicateReviewStore.js';
import { CosmosIdentityIndex } from '../adapters/cosmos/CosmosIdentityIndex.js';
import { CosmosNotDuplicateRegister } from '../adapters/cosmos/CosmosNotDuplicateRegister.js';
import { CosmosPersonRepository } from '../adapters/cosmos/CosmosPersonRepository.js';
import { CosmosVersionedStore } from '../adapters/cosmos/CosmosVersionedStore.js';
import { createCosmosClient } from '../adapters/cosmos/cosmosClient.js';
import { cosmosContainers } from '../adapters/cosmos/containers.js';
import { DataverseClient } from '../adapters/dataverse/DataverseClient.js';
import { DataverseCrmPersons } from '../adapters/dataverse/DataverseCrmPersons.js';
import { DataverseMirrorWriter } from '../adapters/dataverse/DataverseMirrorWriter.js';
import type { RetryPolicy, Sleep } from '../adapters/http/retryPolicy.js';
import type { PacingPolicy } from '../adapters/dataverse/pacing.js';
import { OnlineFundraisingApiClient } from '../adapters/onlinefundraising/OnlineFundraisingApiClient.js';
import { OnlineFundraisingChangeFeed } from '../adapters/onlinefundraising/OnlineFundraisingChangeFeed.js';
import { OnlineFundraisingContactReader } from '../adapters/onlinefundraising/OnlineFundraisingContactReader.js';
import { OnlineFundraisingRecordReader } from '../adapters/onlinefundraising/OnlineFundraisingRecordReader.js';
import { StorageQueues } from '../adapters/queue/StorageQueues.js';
import { uuidIds } from '../adapters/system/UuidIds.js';
import { jsonLogger } from '../adapters/system/jsonLogger.js';
import { systemClock } from '../adapters/system/systemClock.js';
import { unresolvedKeyVaultReferences } from '../adapters/system/unresolvedSecrets.js';
import type { ConsentTopicTable } from '../domain/consent/ConsentTopic.js';
import type { TeamLimitTable } from '../domain/consent/TeamLimit.js';
import type { SmsKeywordTable } from '../domain/keywords/SmsKeyword.js';
import type { IdentityReindex } from '../domain/identity/IdentityReindex.js';
import type { MatchRuleTable } from '../domain/identity/MatchRule.js';
import type { SendStatistics } from '../domain/delivery/SendStatistics.js';
import type { DeliveryAlertSettings } from '../domain/delivery/DeliveryAlertSettings.js';
import { AcsEmailSender } from '../adapters/email/AcsEmailSender.js';
import type { FieldMappingTable } from '../domain/mapping/FieldMapping.js';
import { parentDirectory } from '../domain/mirror/parentDirectory.js';
import type { CrmReconciliationReport, ReconciliationState } from '../domain/reconciliation/ports.js';
import { crmReconciliationJob } from '../domain/reconciliation/crmReconciliationJob.js';
import { wireStaffAccess } from './wiring/staffAccess.js';
import { wireAnonymisation } from './wiring/anonymisation.js';
import { anonymisationScheduleFunction } from './timer/anonymisationScheduleFunction.js';
import { CachedTeamLimits } from '../adapters/cosmos/CachedTeamLimits.js';
import { DataverseContactIds } from '../adapters/dataverse/DataverseContactIds.js';
import { DataverseContactReader } from '../adapters/dataverse/DataverseContactReader.js';
import { crmReconciliationFunction } from './timer/crmReconciliationFunction.js';
import type { Clock } from '../domain/shared/Clock.js';
import type { QueueRetryPolicy } from '../domain/messaging/queueRetry.js';
import type { Logger } from '../domain/shared/Logger.js';
import type { EngineConfig } from './config.js';
import { createHttpApp } from './http/httpApp.js';
import type { QueueFunction } from './queue/QueueFunction.js';
import { onlineFundraisingNotificationsFunction } from './queue/onlineFundraisingNotificationsFunction.js';
import { poisonQueueFunction } from './queue/poisonQueueFunction.js';
import { queueNames } from './queue/queueNames.js';
import type { TimerFunction } from './timer/TimerFunction.js';
import { postingRunResumerFunction } from './timer/postingRunResumerFunction.js';
import { automationTriggerFunction } from './timer/automationTriggerFunction.js';
import { personMergesFunction } from './queue/personMergesFunction.js';
import { crmContactChangesFunction } from './queue/crmContactChangesFunction.js';
import { DataverseIdentity } from '../adapters/dataverse/DataverseIdentity.js';
import { identityReindexFunction } from './timer/identityReindexFunction.js';
import { parkedReviewsFunction } from './timer/parkedReviewsFunction.js';
import { crmProjectorFunction } from './timer/crmProjectorFunction.js';
import { deadLetterWatchFunction } from './timer/deadLetterWatchFunction.js';
import { reconciliationFunction } from './timer/reconciliationFunction.js';
import { CosmosPaymentLedger } from '../adapters/cosmos/CosmosPaymentLedger.js';
import { CosmosCampaignCatalogue } from '../adapters/cosmos/CosmosCampaignCatalogue.js';
import { CosmosPostingRuns } from '../adapters/cosmos/CosmosPostingRuns.js';
import { BusinessCentralJournal } from '../adapters/businesscentral/BusinessCentralJournal.js';
import type { BookkeepingChart } from '../domain/bookkeeping/BookkeepingChart.js';
import type { StepLimits } from '../domain/bookkeeping/continuePostingRun.js';
import { postingRunsFunction } from './queue/postingRunsFunction.js';
import { CosmosAgreementStates } from '../adapters/cosmos/CosmosAgreementStates.js';
import { CosmosSegmentMembers } from '../adapters/cosmos/CosmosSegmentMembers.js';
import { CosmosJobRuns } from '../adapters/cosmos/CosmosJobRuns.js';
import { OnlineFundraisingAgreementWriter } from '../adapters/onlinefundraising/OnlineFundraisingAgreementWriter.js';
import type { DunningSettings } from '../domain/dunning/DunningSettings.js';
import { dunningGroupsJob } from '../domain/dunning/dunningGroupsJob.js';
import { jobRunsFunction } from './queue/jobRunsFunction.js';
import { dunningGroupsFunction } from './timer/dunningGroupsFunction.js';
import { BlobDatasetStore, datasetsContainer } from '../adapters/blob/BlobDatasetStore.js';
import { createStorageClients } from '../adapters/storage/storageClients.js';
import { CosmosExportSources } from '../adapters/cosmos/CosmosExportSources.js';
import { exportDatasetsJob, exportPaymentsHourlyJob } from '../domain/datasets/exportDatasetsJob.js';
import type { PostcodeMunicipalities } from '../domain/datasets/PostcodeMunicipalities.js';
import { hourlyPaymentExportFunction, nightlyDatasetExportFunction } from './timer/exportDatasetsFunctions.js';

export interface EngineOptions {
  config: EngineConfig;
  logger?: Logger;
  clock?: Clock;
  /** Outbound HTTP retries (tests shorten them). */
  retryPolicy?: RetryPolicy;
  sleep?: Sleep;
  /** How the CRM writer paces itself; Dataverse's real window unless a test scales it down. */
  dataversePacing?: Partial<PacingPolicy>;
  /** How much one posting-run step does (tests make steps small to see runs resume). */
  postingStepLimits?: StepLimits;
  /** How failed queue work is retried (tests shorten the real delays; the give-up follows the engine's clock). */
  queueRetryPolicy?: QueueRetryPolicy;
  /** How the sender waits between messages to keep to a provider's rate; real time unless a test says otherwise. */
  wait?: Wait;
}

/** Everything the engine runs: the HTTP app, the queue functions and the timer functions. */
export interface Engine {
  http: Hono;
  queueFunctions: QueueFunction[];
  timerFunctions: TimerFunction[];
  queues: StorageQueues;
  dispose(): void;
}

/** The composition root: adapters are built here and handed to handlers; nothing else wires them. */
export function createEngine(options: EngineOptions): Engine {
  const { config } = options;
  const logger = options.logger ?? jsonLogger({ service: 'ms-engine' });
  const clock = options.clock ?? systemClock;
  const retry = { ...(options.retryPolicy && { retryPolicy: options.retryPolicy }), ...(options.sleep && { sleep: options.sleep }) };

  const cosmos = createCosmosClient(config.cosmos);
  const database = cosmos.database(config.cosmos.database);
  const deadLetters = new CosmosDeadLetterStore(database.container(cosmosContainers.deadLetters.id));
  const persons = new CosmosPersonRepository(database.container(cosmosContainers.persons.id));
  const storage = createStorageClients(config.storage);
  const queues = new StorageQueues(storage.queue);
  const mirror = new CosmosMirrorRepository(database.container(cosmosContainers.mirror.id));
  const onlineFundraisingApi = new OnlineFundraisingApiClient({ baseUrl: config.onlineFundraising.apiUrl, apiKey: config.onlineFundraising.apiKey, ...retry });
  const onlineFundraising = new OnlineFundraisingContactReader(onlineFundraisingApi);
  const onlineFundraisingRecords = new OnlineFundraisingRecordReader(onlineFundraisingApi);
  const dataverse = new DataverseClient({ ...config.dataverse, ...retry });
  const crm = new DataverseCrmPersons(dataverse);
  const crmIdentity = new DataverseIdentity(dataverse);
  const engineState = database.container(cosmosContainers.engineState.id);
  const fieldMappings = new CosmosVersionedStore<FieldMappingTable>(engineState);
  const triggers = new CosmosAutomationTriggerStore(database.container(cosmosContainers.automationTriggers.id));
  const automationOutbox = { send: (trigger: object) => queues.send(queueNames.automationTriggers, JSON.stringify(trigger)) };
  const failureTracking = { deadLetters, clock, ids: uuidIds, logger, requeue: (queue: string) => queues.workQueue(queue), ...(options.queueRetryPolicy && { retryPolicy: options.queueRetryPolicy }) };
  const onlineFundraisingInbox = queues.workQueue(queueNames.onlineFundraisingNotifications);
  const mergeQueue = queues.workQueue(queueNames.personMerges);
  const crmChangeQueue = queues.workQueue(queueNames.crmContactChanges);
  const duplicateReviews = database.container(cosmosContainers.duplicateReviews.id);
  const identity = {
    matchRules: new CosmosVersionedStore<MatchRuleTable>(engineState),
    identityIndex: new CosmosIdentityIndex(database.container(cosmosContainers.identityIndex.id)),
    notDuplicates: new CosmosNotDuplicateRegister(duplicateReviews),
    reviews: new CosmosDuplicateReviewStore(duplicateReviews),
    reindexState: new CosmosVersionedStore<IdentityReindex>(engineState),
  };
  const consent = {
    consentLog: new CosmosConsentLog(database.container(cosmosContainers.consentLog.id)),
    consentTopics: new CosmosVersionedStore<ConsentTopicTable>(engineState),
    teamLimits: new CachedTeamLimits(new CosmosVersionedStore<TeamLimitTable>(engineState), 5_000),
  };
  const preferenceLinks = new JosePersonLinks({ secret: config.preferenceLinkSecret, clock, purpose: 'preferences' });
  const stopList = new CosmosStopList(database.container(cosmosContainers.stopList.id));
  const keywords = new CosmosVersionedStore<SmsKeywordTable>(engineState);
  const signatures = new CosmosSignatureStore(database.container(cosmosContainers.signatures.id));
  const marketingLists = new CosmosMarketingLists(database.container(cosmosContainers.marketingLists.id));
  const formSubmissions = new CosmosFormSubmissionRecords(database.container(cosmosContainers.formSubmissions.id));
  const drupalInbox = queues.workQueue(queueNames.drupalNotifications);
  const formImports = queues.workQueue(queueNames.formImports);
  const drupal = {
    drupal: new DrupalSubmissionReader({ baseUrl: config.drupal.url, username: config.drupal.username, password: config.drupal.password, ...retry }),
    drupalForms: new CosmosVersionedStore<DrupalFormTable>(engineState),
  };

  const bookkeeping = {
    ledger: new CosmosPaymentLedger(database.container(cosmosContainers.payments.id)),
    chart: new CosmosVersionedStore<BookkeepingChart>(engineState),
    campaigns: new CosmosCampaignCatalogue(database.container(cosmosContainers.campaigns.id)),
    runs: new CosmosPostingRuns(database.container(cosmosContainers.postingRuns.id), database.container(cosmosContainers.postingLines.id)),
    postingQueue: queues.workQueue(queueNames.postingRuns),
  };
  const journal = new BusinessCentralJournal({ ...config.businessCentral, ...retry });
  const dunning = {
    agreementStates: new CosmosAgreementStates(database.container(cosmosContainers.agreementStates.id)),
    segmentMembers: new CosmosSegmentMembers(database.container(cosmosContainers.segmentMembers.id)),
    dunningSettings: new CosmosVersionedStore<DunningSettings>(engineState),
    jobRuns: new CosmosJobRuns(database.container(cosmosContainers.jobRuns.id)),
    onlineFundraisingAgreements: new OnlineFundraisingAgreementWriter(onlineFundraisingApi),
  };
  const exportSources = new CosmosExportSources(
    {
      payments: database.container(cosmosContainers.payments.id),
      persons: database.container(cosmosContainers.persons.id),
      agreementStates: database.container(cosmosContainers.agreementStates.id),
      signatures: database.container(cosmosContainers.signatures.id),
      consentLog: database.container(cosmosContainers.consentLog.id),
      engineState,
      outboundMessages: database.container(cosmosContainers.outboundMessages.id),
    },
    bookkeeping.campaigns,
  );
  const datasets = storage.blob.getContainerClient(datasetsContainer);
  const { staffAccess, auditLog, cprVault } = wireStaffAccess({ config, database, teamLimits: consent.teamLimits, clock, logger });
  const datasetExport = { sources: exportSources, store: new BlobDatasetStore(datasets), jobRuns: dunning.jobRuns, segmentMembers: dunning.segmentMembers, auditLog, ids: uuidIds, clock };
  const reconciliationStore = new CosmosVersionedStore<ReconciliationState>(engineState);
  const crmReports = new CosmosVersionedStore<CrmReconciliationReport>(engineState);
  const crmReconciliation = { persons, crm, crmPersonIds: new DataverseContactIds(dataverse), reports: crmReports, clock, logger };
  const email = new AcsEmailSender(config.email);
  const taxReport = wireTaxReport({ database, persons, cprVault, clock });
  const sending = wireSending({
    config,
    database,
    onlineFundraisingApi,
    email,
    preferenceLinks,
    jobRuns: dunning.jobRuns,
    taxMails: taxReport.mailAudience,
    ports: { ...consent, stopList, persons, crm, ids: uuidIds, clock, logger, wait: options.wait ?? ((milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds))) },
  });
  const telemarketing = wireTelemarketing({
    database,
    sftp: config.telemarketingSftp,
    heroBase: config.heroBase,
    retry,
    segments: sending.ports,
    ports: { ...consent, persons, stopList, agreementStates: dunning.agreementStates, crm, onlineFundraising, ids: uuidIds, clock, logger },
  });
  const anonymisation = wireAnonymisation({
    database,
    queues,
    onlineFundraisingApi,
    dataverse,
    ports: { persons, ledger: bookkeeping.ledger, taxReportMarkers: taxReport.ports.markers, signatures, stopList, auditLog, identityIndex: identity.identityIndex, mirror, agreementStates: dunning.agreementStates, leads: telemarketing.ports.leads, dialer: telemarketing.ports.dialer, ...failureTracking },
  });

  const jobs = [
    dunningGroupsJob({ ...dunning, triggers, ids: uuidIds, clock }),
    exportDatasetsJob(datasetExport),
    exportPaymentsHourlyJob(datasetExport),
    crmReconciliationJob(crmReconciliation),
    anonymisation.segmentJob,
    anonymisation.scheduleJob,
    sending.planJob,
    ...telemarketing.jobs,
    ...taxReport.jobs,
  ];
  const jobPorts = { jobs, jobRuns: dunning.jobRuns, jobQueue: queues.workQueue(queueNames.jobRuns), ids: uuidIds, clock };

  const http = createHttpApp({
    onlineFundraisingWebhook: {
      secret: config.onlineFundraising.webhookSecret,
      toleranceSeconds: config.onlineFundraising.webhookToleranceSeconds,
      inbox: onlineFundraisingInbox,
      ids: uuidIds,
      clock,
      logger,
    },
    dataverseWebhook: { key: config.dataverse.webhookKey, mergeQueue, crmChangeQueue, persons, ids: uuidIds, clock, logger },
    deadLetters,
    fieldMappings,
    matchRules: identity.matchRules,
    reindexState: identity.reindexState,
    consent: { ...consent, persons, ids: uuidIds, clock },
    stopList: { stopList, ids: uuidIds, clock, logger },
    keywords: { keywords, clock },
    petitions: { signatures, clock, logger },
    marketingLists: { marketingLists },
    formSubmissions: { formSubmissions },
    drupalWebhook: { secret: config.drupal.webhookSecret, toleranceSeconds: config.onlineFundraising.webhookToleranceSeconds, inbox: drupalInbox, drupalForms: drupal.drupalForms, ids: uuidIds, clock, logger },
    drupalForms: { drupalForms: drupal.drupalForms, consentTopics: consent.consentTopics, clock },
    contactFlags: { persons, crm, clock },
    delivery: {
      persons,
      crm,
      clock,
      logger,
      sendStatistics: new CosmosVersionedStore<SendStatistics>(engineState),
      alertSettings: new CosmosVersionedStore<DeliveryAlertSettings>(engineState),
      email,
    },
    duplicateReviews: { ...identity, onlineFundraisingInbox, drupalInbox, formImports, ids: uuidIds },
    preferences: { ...consent, preferenceLinks, messages: sending.ports.messages, persons, crm, ids: uuidIds, clock, logger },
    sending: { ...sending.ports, ...jobPorts },
    telemarketing: { ...telemarketing.ports, ...jobPorts },
    taxReport: { ...taxReport.ports, ...jobPorts },
    heroBaseWebhook: { secret: config.heroBase.webhookSecret, toleranceSeconds: config.onlineFundraising.webhookToleranceSeconds, inbox: queues.workQueue(queueNames.dialerNotifications), ids: uuidIds, clock, logger },
    acsEmailEvents: { key: config.email.eventsWebhookKey, emailReports: queues.workQueue(queueNames.emailReports), ids: uuidIds, clock, logger },
    imports: { formImports, drupalForms: drupal.drupalForms, ids: uuidIds, clock, logger },
    bookkeeping: { ...bookkeeping, ids: uuidIds, clock, logger },
    jobs: jobPorts,
    reconciliation: { onlineFundraisingState: reconciliationStore, crmReports },
    datasets: {
      postcodeTable: new CosmosVersionedStore<PostcodeMunicipalities>(engineState),
      datasetsUrl: datasets.url,
      clock,
    },
    dunning: { ...dunning, ...consent, stopList, persons, ids: uuidIds, clock, logger },
    queue: queues,
    auditLog,
    cpr: { persons, cprVault, ...identity, clock },
    anonymisation: anonymisation.start,
    anonymisationSegments: { ...anonymisation.segments, ...jobPorts },
    anonymisationSchedule: anonymisation.schedule,
    dataSubjectExport: {
      persons,
      consentLog: consent.consentLog,
      mirror,
      agreementStates: dunning.agreementStates,
      ledger: bookkeeping.ledger,
      signatures,
      formSubmissions,
      stopList,
      sends: () => exportSources.sends(),
      messages: sending.ports.messages,
      telemarketingLeads: telemarketing.ports.leads,
      memberServiceTasks: telemarketing.ports.tasks,
      taxStatements: taxReport.ports.statements,
      taxReportMarkers: taxReport.ports.markers,
      auditLog,
      clock,
    },
    staffAccess,
    readiness: [
      { name: 'cosmos', check: async () => void (await database.read()) },
      { name: 'queues', check: async () => void (await queues.client().getQueueClient(queueNames.onlineFundraisingNotifications).getProperties()) },
      { name: 'keyVault', check: async () => keyVaultSecretsResolved(config) },
    ],
    ids: uuidIds,
    clock,
    logger,
  });
  return {
    http,
    queueFunctions: [
      onlineFundraisingNotificationsFunction({
        ...consent,
        keywords,
        signatures,
        marketingLists,
        mergeQueue,
        onlineFundraising,
        onlineFundraisingRecords,
        persons,
        mirror,
        parents: parentDirectory(persons, mirror),
        crm,
        fieldMappings,
        cprVault,
        triggers,
        ...identity,
        ledger: bookkeeping.ledger,
        chart: bookkeeping.chart,
        agreementStates: dunning.agreementStates,
        messages: sending.ports.messages,
        smsGateway: sending.ports.smsGateway,
        ...failureTracking,
      }),
      poisonQueueFunction(queueNames.onlineFundraisingNotifications, failureTracking),
      emailReportsFunction({ messages: sending.ports.messages, persons, crm, ...failureTracking }),
      poisonQueueFunction(queueNames.emailReports, failureTracking),
      drupalNotificationsFunction({ ...consent, ...identity, ...drupal, persons, crm, cprVault, signatures, marketingLists, formSubmissions, mergeQueue, ...failureTracking }),
      poisonQueueFunction(queueNames.drupalNotifications, failureTracking),
      formImportsFunction({ ...consent, ...identity, ...drupal, persons, crm, cprVault, signatures, marketingLists, formSubmissions, mergeQueue, ...failureTracking }),
      poisonQueueFunction(queueNames.formImports, failureTracking),
      personMergesFunction({ ...consent, persons, mirror, onlineFundraising, crm, crmIdentity, ...identity, ledger: bookkeeping.ledger, agreementStates: dunning.agreementStates, ...failureTracking }),
      poisonQueueFunction(queueNames.personMerges, failureTracking),
      crmContactChangesFunction({ persons, onlineFundraising, crmIdentity, crmContacts: new DataverseContactReader(dataverse), ...identity, ...failureTracking }),
      poisonQueueFunction(queueNames.crmContactChanges, failureTracking),
      postingRunsFunction({ ...bookkeeping, journal, ...failureTracking, ...(options.postingStepLimits && { stepLimits: options.postingStepLimits }) }),
      poisonQueueFunction(queueNames.postingRuns, failureTracking),
      jobRunsFunction({ jobs, jobRuns: dunning.jobRuns, ...failureTracking }),
      poisonQueueFunction(queueNames.jobRuns, failureTracking),
      ...anonymisation.queueFunctions,
      dialerNotificationsFunction({ ...telemarketing.ports, ...failureTracking }),
      poisonQueueFunction(queueNames.dialerNotifications, failureTracking),
    ],
    timerFunctions: [
      deadLetterWatchFunction({ deadLetters, logger }),
      automationTriggerFunction({ triggers, outbox: automationOutbox, clock, logger }),
      postingRunResumerFunction({ ...bookkeeping, clock, logger }),
      parkedReviewsFunction({ ...identity, persons, onlineFundraisingInbox, drupalInbox, formImports, ids: uuidIds, clock, logger }),
      identityReindexFunction({ ...identity, persons, clock, logger }),
      dunningGroupsFunction(jobPorts),
      nightlyDatasetExportFunction(jobPorts),
      hourlyPaymentExportFunction(jobPorts),
      crmReconciliationFunction(jobPorts),
      anonymisationScheduleFunction(jobPorts),
      ...sending.timerFunctions,
      ...telemarketing.timerFunctions(jobPorts),
      contactPreferencesFunction({
        changes: new CosmosContactPreferenceChanges({ consentLog: database.container(cosmosContainers.consentLog.id), stopList: database.container(cosmosContainers.stopList.id), persons: database.container(cosmosContainers.persons.id), engineState }),
        consentLog: consent.consentLog,
        stopList,
        persons,
        crm,
        leads: telemarketing.ports.leads,
        dialer: telemarketing.ports.dialer,
        clock,
        logger,
      }),
      crmProjectorFunction({ mirror, crm: new DataverseMirrorWriter(dataverse, { logger, ...(options.dataversePacing && { pacing: options.dataversePacing }) }), clock, logger }),
      reconciliationFunction({
        changes: new OnlineFundraisingChangeFeed(onlineFundraisingApi),
        persons,
        mirror,
        inbox: onlineFundraisingInbox,
        state: reconciliationStore,
        ids: uuidIds,
        clock,
        logger,
      }),
    ],
    queues,
    dispose: () => cosmos.dispose(),
  };
}

function keyVaultSecretsResolved(config: EngineConfig): void {
  const unresolved = unresolvedKeyVaultReferences(config);
  if (unresolved.length > 0) throw new Error(`Key Vault references not resolved: ${unresolved.join(', ')}`);
}


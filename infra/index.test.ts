import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import { cosmosContainers } from '../adapters/cosmos/containers.js';
import { silentLogger } from '../adapters/system/jsonLogger.js';
import { loadConfig } from '../handlers/config.js';
import { createEngine } from '../handlers/engine.js';
import { blobContainers } from '../adapters/blob/containers.js';
import { datasetsContainer } from '../adapters/blob/BlobDatasetStore.js';
import { poisonQueueOf, queueNames } from '../handlers/queue/queueNames.js';
import { alertSignals } from './monitoring.js';
import { keyVaultSecretName, secretSettingNames, type SecretSettingName } from './secrets.js';
import {
  allRegistered,
  isSecretValue,
  mockAcsConnectionString,
  mockAppInsightsConnectionString,
  mockAzure,
  mockClientConfig,
  mockMailFromSenderDomain,
  testConfig,
  testSecrets,
  valueOf,
  withSecretsHidden,
  withSecretsOpened,
  type RecordedResource,
} from './testMocks.js';

type Program = typeof import('./index.js');

let program: Program;
let recorded: RecordedResource[];

beforeAll(async () => {
  recorded = await mockAzure();
  program = await import('./index.js');
  await allRegistered();
});

/** The engine's queue functions, from an engine built offline with local-style settings. */
function engineQueueFunctions(): { name: string; queueName: string }[] {
  const engine = createEngine({
    logger: silentLogger,
    config: loadConfig({
      ...appSettings(),
      // The deployed values are Key Vault references; building the engine needs values it can parse.
      COSMOS_KEY: 'a2V5',
      ACS_EMAIL_CONNECTION_STRING: 'endpoint=https://acs.example/;accesskey=a2V5',
    }),
  });
  return engine.queueFunctions;
}

function all(type: string): RecordedResource[] {
  return recorded.filter((r) => r.type === type);
}

function one(type: string): RecordedResource {
  const found = all(type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
}

// Inputs arrive untyped from the mocks; tests read nested values through this.
type Inputs = Record<string, any>;

function inputs(resource: RecordedResource): Inputs {
  return withSecretsOpened(resource.inputs) as Inputs;
}

function appSettings(): Record<string, string> {
  const app = inputs(one('azure-native:web:WebApp'));
  const pairs = app['siteConfig'].appSettings as { name: string; value: string }[];
  return Object.fromEntries(pairs.map(({ name, value }) => [name, value]));
}

describe('[Hosting] Function App', () => {
  it('[Hosting] the Function App runs Node 22 on Linux with a managed identity', () => {
    const plan = one('azure-native:web:AppServicePlan');
    const app = inputs(one('azure-native:web:WebApp'));

    expect(plan.inputs['sku']).toEqual({ name: 'FC1', tier: 'FlexConsumption' });
    expect(plan.inputs['reserved']).toBe(true);
    expect(app['serverFarmId']).toBe(plan.id);
    expect(app['kind']).toBe('functionapp,linux');
    expect(app['functionAppConfig'].runtime).toEqual({ name: 'node', version: '22' });
    expect(app['identity']).toEqual({ type: 'SystemAssigned' });
    expect(app['httpsOnly']).toBe(true);
    expect(app['functionAppConfig'].scaleAndConcurrency.maximumInstanceCount).toBe(100);
  });

  it('[Hosting] the Function App deploys its package from the deployments container', () => {
    const app = inputs(one('azure-native:web:WebApp'));
    const storage = app['functionAppConfig'].deployment.storage;

    expect(storage.type).toBe('blobContainer');
    expect(storage.value).toBe('https://stmsenginetest.blob.core.windows.net/deployments');
    expect(storage.authentication).toEqual({ type: 'SystemAssignedIdentity' });
  });

  it('[Hosting] the Function App sets none of the settings Flex Consumption rejects', () => {
    const app = inputs(one('azure-native:web:WebApp'));

    expect(app['siteConfig'].linuxFxVersion).toBeUndefined();
    for (const rejected of ['FUNCTIONS_WORKER_RUNTIME', 'FUNCTIONS_EXTENSION_VERSION', 'WEBSITE_RUN_FROM_PACKAGE']) {
      expect(appSettings()).not.toHaveProperty(rejected);
    }
  });
});

describe('[Settings] app settings', () => {
  it('[Settings][Hosting] the Function App gets exactly the settings the engine reads, with the stack values (staff sign-in and CPR keys included)', () => {
    const settings = appSettings();

    expect(Object.keys(settings).sort()).toEqual(
      [
        'AzureWebJobsStorage__accountName',
        'AzureWebJobsStorage__credential', // read by the Functions host, not the engine
        'COSMOS_ENDPOINT',
        'COSMOS_DATABASE',
        'OF_API_URL',
        'OF_API_KEY',
        'OF_WEBHOOK_SECRET',
        'DATAVERSE_URL',
        'DATAVERSE_TENANT_ID',
        'DATAVERSE_CLIENT_ID',
        'DATAVERSE_AUTHORITY_URL',
        'DATAVERSE_CLIENT_SECRET',
        'DATAVERSE_WEBHOOK_KEY',
        'ACS_EMAIL_CONNECTION_STRING',
        'ACS_EMAIL_SENDER',
        'STAFF_AUTH_ISSUER',
        'STAFF_AUTH_TENANT_ID',
        'STAFF_AUTH_AUDIENCE',
        'CPR_ENCRYPTION_KEYS',
        'CPR_LOOKUP_KEY',
        'DRUPAL_URL',
        'DRUPAL_USERNAME',
        'DRUPAL_PASSWORD',
        'DRUPAL_WEBHOOK_SECRET',
        'PREFERENCE_LINK_SECRET',
        'ACS_EVENTS_WEBHOOK_KEY',
        'PUBLIC_URL',
        'BC_API_URL',
        'BC_TENANT_ID',
        'BC_CLIENT_ID',
        'BC_CLIENT_SECRET',
        'BC_COMPANY_ID',
        'BC_JOURNAL_CODE',
        'BC_PROJECT_DIMENSION',
        'BC_BUDGET_LINE_DIMENSION',
        'HEROBASE_API_URL',
        'HEROBASE_API_KEY',
        'HEROBASE_WEBHOOK_SECRET',
        'TM_SFTP_HOST',
        'TM_SFTP_PORT',
        'TM_SFTP_USERNAME',
        'TM_SFTP_HOST_KEY',
        'TM_SFTP_DIRECTORY',
        'TM_SFTP_CREDENTIAL',
        'APPLICATIONINSIGHTS_CONNECTION_STRING', // read by the Functions host, not the engine
      ].sort(),
    );
    expect(settings).toMatchObject({
      AzureWebJobsStorage__accountName: 'stmsenginetest',
      AzureWebJobsStorage__credential: 'managedidentity',
      COSMOS_ENDPOINT: 'https://cosmos-msengine-test.documents.azure.com:443/',
      COSMOS_DATABASE: 'ms-engine',
      OF_API_URL: testConfig['ms-engine:ofApiUrl'],
      DATAVERSE_URL: testConfig['ms-engine:dataverseUrl'],
      DATAVERSE_TENANT_ID: testConfig['ms-engine:dataverseTenantId'],
      DATAVERSE_CLIENT_ID: testConfig['ms-engine:dataverseClientId'],
      DATAVERSE_AUTHORITY_URL: 'https://login.microsoftonline.com',
      ACS_EMAIL_SENDER: `DoNotReply@${mockMailFromSenderDomain}`,
      // [Brugerrettigheder] staff tokens: MS's tenant's v2.0 issuer and the engine app registration as audience
      STAFF_AUTH_ISSUER: `https://login.microsoftonline.com/${testConfig['ms-engine:staffAuthTenantId']}/v2.0`,
      STAFF_AUTH_TENANT_ID: testConfig['ms-engine:staffAuthTenantId'],
      STAFF_AUTH_AUDIENCE: testConfig['ms-engine:staffAuthClientId'],
      DRUPAL_URL: testConfig['ms-engine:drupalUrl'],
      DRUPAL_USERNAME: testConfig['ms-engine:drupalUsername'],
      BC_API_URL: testConfig['ms-engine:bcApiUrl'],
      BC_JOURNAL_CODE: testConfig['ms-engine:bcJournalCode'],
      BC_PROJECT_DIMENSION: 'SAG',
      // [Leadflow] the TM vendor's SFTP server, its host key pinned; the credential is a Key Vault reference
      HEROBASE_API_URL: testConfig['ms-engine:heroBaseApiUrl'],
      TM_SFTP_HOST: testConfig['ms-engine:tmSftpHost'],
      TM_SFTP_PORT: '2222',
      TM_SFTP_USERNAME: testConfig['ms-engine:tmSftpUsername'],
      TM_SFTP_HOST_KEY: testConfig['ms-engine:tmSftpHostKey'],
      TM_SFTP_DIRECTORY: '/inbound',
      APPLICATIONINSIGHTS_CONNECTION_STRING: mockAppInsightsConnectionString,
    });
    for (const name of secretSettingNames) {
      expect(settings[name], name).toBe(
        `@Microsoft.KeyVault(SecretUri=https://kv-msengine-test.vault.azure.net/secrets/${keyVaultSecretName(name)}/0123456789abcdef)`,
      );
    }
  });

  it('[Secrets] no app setting holds a secret or a storage key: secrets reach Azure only as Key Vault secrets', () => {
    const app = one('azure-native:web:WebApp');
    const siteConfig = JSON.stringify(withSecretsOpened(app.inputs['siteConfig']));
    for (const secret of [...Object.values(testSecrets), mockAcsConnectionString]) {
      expect(siteConfig).not.toContain(secret);
    }
    for (const [name, value] of Object.entries(appSettings())) {
      expect(value, name).not.toMatch(/AccountKey=|SharedAccessSignature|UseDevelopmentStorage/i);
    }

    const vaultSecrets = all('azure-native:keyvault:Secret');
    expect(vaultSecrets.map((secret) => secret.inputs['secretName']).sort()).toEqual(secretSettingNames.map(keyVaultSecretName).sort());
    // No storage secret: the account takes no keys, so there is no connection string to keep.
    expect(secretSettingNames).not.toContain('AzureWebJobsStorage');
    for (const secret of vaultSecrets) {
      expect(secret.inputs['secretName'], secret.name).not.toMatch(/storage/i);
      expect(JSON.stringify(withSecretsOpened(secret.inputs)), secret.name).not.toMatch(/AccountKey=|SharedAccessSignature/i);
      const properties = secret.inputs['properties'];
      const value = isSecretValue(properties) ? properties.value : (properties as { value: unknown }).value;
      expect(isSecretValue(properties) || isSecretValue(value), secret.name).toBe(true);
      expect(secret.inputs['vaultName']).toBe('kv-msengine-test');
    }
    const valueIn = (name: SecretSettingName) =>
      (inputs(vaultSecrets.find((secret) => secret.inputs['secretName'] === keyVaultSecretName(name))!)['properties'] as { value: string }).value;
    expect(valueIn('OF_API_KEY')).toBe(testSecrets['ms-engine:ofApiKey']);
    expect(valueIn('BC_CLIENT_SECRET')).toBe(testSecrets['ms-engine:bcClientSecret']);
    expect(valueIn('ACS_EMAIL_CONNECTION_STRING')).toBe(mockAcsConnectionString);

    const inClear = JSON.stringify(recorded.map((r) => withSecretsHidden(r.inputs)));
    for (const secret of [...Object.values(testSecrets), mockAcsConnectionString]) {
      expect(inClear).not.toContain(secret);
    }
  });
});

describe('[Data] Cosmos DB', () => {
  it('[Data] the Cosmos DB account is serverless, session-consistent, in the stack region', () => {
    const account = inputs(one('azure-native:cosmosdb:DatabaseAccount'));

    expect(account['accountName']).toBe('cosmos-msengine-test');
    expect(account['capabilities']).toEqual([{ name: 'EnableServerless' }]);
    expect(account['consistencyPolicy']).toEqual({ defaultConsistencyLevel: 'Session' });
    expect(account['databaseAccountOfferType']).toBe('Standard');
    expect(account['locations']).toEqual([{ locationName: 'swedencentral', failoverPriority: 0 }]);
    expect(account['disableLocalAuth']).toBe(false); // the test stack's value, not the default
  });

  it('[Data] the database ms-engine has every container the engine uses, with the engine\'s partition keys', () => {
    const database = inputs(one('azure-native:cosmosdb:SqlResourceSqlDatabase'));
    expect(database).toMatchObject({ accountName: 'cosmos-msengine-test', databaseName: 'ms-engine' });
    expect(database['options']).toBeUndefined(); // serverless: no provisioned throughput

    const containers = all('azure-native:cosmosdb:SqlResourceSqlContainer').map(inputs);
    const byName: Record<string, Inputs> = Object.fromEntries(containers.map((c) => [c['containerName'], c]));
    const engineContainers = Object.values(cosmosContainers);
    expect(Object.keys(byName).sort()).toEqual(engineContainers.map((container) => container.id).sort());
    for (const [name, container] of Object.entries(byName)) {
      expect(container['accountName']).toBe('cosmos-msengine-test');
      expect(container['databaseName']).toBe('ms-engine');
      expect(container['resource'].id).toBe(name);
      expect(container['resource'].partitionKey.paths).toEqual([engineContainers.find((candidate) => candidate.id === name)!.partitionKey]);
      expect(container['options']).toBeUndefined();
    }
  });
});

describe('[Storage] storage account', () => {
  it('[Storage] the account is StorageV2 with the stack SKU, TLS 1.2, https only, no public blobs, no shared keys', () => {
    const account = inputs(one('azure-native:storage:StorageAccount'));

    expect(account).toMatchObject({
      accountName: 'stmsenginetest',
      kind: 'StorageV2',
      sku: { name: 'Standard_ZRS' },
      minimumTlsVersion: 'TLS1_2',
      allowBlobPublicAccess: false,
      enableHttpsTrafficOnly: true,
      allowSharedKeyAccess: false,
    });
  });

  it('[Storage] the queues and blob containers exist in the account, none public', () => {
    const queues = all('azure-native:storage:Queue').map(inputs);
    expect(queues.map((q) => q['queueName'])).toContain('of-notifications-poison');

    const containers = all('azure-native:storage:BlobContainer').map(inputs);
    expect(containers.map((c) => c['containerName']).sort()).toEqual(['datasets', 'deployments', 'exports']);
    for (const child of [...queues, ...containers]) {
      expect(child['accountName']).toBe('stmsenginetest');
    }
    for (const container of containers) {
      expect(container['publicAccess']).toBe('None');
    }
  });
});

describe('[Access] keyless access to Cosmos DB', () => {
  it("[Access] the Cosmos data-contributor role is assigned to the Function App's identity", () => {
    const account = one('azure-native:cosmosdb:DatabaseAccount');
    const assignment = inputs(one('azure-native:cosmosdb:SqlResourceSqlRoleAssignment'));

    expect(assignment['principalId']).toBe('principal-of-func-msengine-test');
    expect(assignment['roleDefinitionId']).toBe(`${account.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002`);
    expect(assignment['scope']).toBe(account.id);
    expect(assignment['accountName']).toBe('cosmos-msengine-test');
    expect(assignment['roleAssignmentId']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('[Secrets] Key Vault', () => {
  it('[Secrets] the vault authorises with Azure RBAC, keeps deleted secrets, and is in the deploying tenant', () => {
    const vault = inputs(one('azure-native:keyvault:Vault'));

    expect(vault['vaultName']).toBe('kv-msengine-test');
    expect(vault['properties']).toMatchObject({
      tenantId: mockClientConfig.tenantId,
      sku: { family: 'A', name: 'standard' },
      enableRbacAuthorization: true,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enabledForTemplateDeployment: false,
    });
    expect(vault['properties'].accessPolicies).toBeUndefined();
    expect(vault['properties'].enablePurgeProtection).toBeUndefined(); // the test stack's default; prod turns it on (stacks.test.ts)
  });
});

describe('[Access] role assignments of the Function App\'s identity', () => {
  const roles = (guid: string) => `/subscriptions/${mockClientConfig.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;

  it("[Access] the storage roles identity-based AzureWebJobsStorage needs are the app's, on the storage account", () => {
    const storageAccount = one('azure-native:storage:StorageAccount');
    const onStorage = all('azure-native:authorization:RoleAssignment')
      .map(inputs)
      .filter((assignment) => assignment['scope'] === storageAccount.id);

    expect(onStorage.map((assignment) => assignment['roleDefinitionId']).sort()).toEqual(
      [
        roles('b7e6dc6d-f1e8-4753-8033-0f276bb0955b'), // Storage Blob Data Owner: host locks and leases, datasets, the code package
        roles('974c5e8b-45b9-4653-ba55-5f855dd0fb88'), // Storage Queue Data Contributor: queue triggers and the engine's queues
        roles('0a9a7e1f-b9d0-4cc4-a60d-0319b160be3a'), // Storage Table Data Contributor: the host's tables
      ].sort(),
    );
    for (const assignment of onStorage) expect(assignment['principalId']).toBe('principal-of-func-msengine-test');
  });

  it('[Access] Key Vault Secrets User on the vault; every assignment to the app\'s service principal under its own stable name', () => {
    const vault = one('azure-native:keyvault:Vault');
    const assignments = all('azure-native:authorization:RoleAssignment').map(inputs);

    expect(assignments.map(({ roleDefinitionId, scope }) => ({ roleDefinitionId, scope }))).toContainEqual({
      roleDefinitionId: roles('4633458b-17de-408a-b874-0445c86b69e6'), // Key Vault Secrets User
      scope: vault.id,
    });
    expect(assignments).toHaveLength(4);
    for (const assignment of assignments) {
      expect(assignment['principalId']).toBe('principal-of-func-msengine-test');
      expect(assignment['principalType']).toBe('ServicePrincipal');
      expect(assignment['roleAssignmentName']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(assignments.map((a) => a['roleAssignmentName'])).size).toBe(4);
  });
});

describe('[Monitoring] logs and alerts', () => {
  it('[Monitoring] Application Insights keeps its data in the stack\'s Log Analytics workspace', () => {
    const workspace = one('azure-native:operationalinsights:Workspace');
    const appInsights = inputs(one('azure-native:applicationinsights:Component'));

    expect(inputs(workspace)).toMatchObject({ workspaceName: 'log-msengine-test', sku: { name: 'PerGB2018' }, retentionInDays: 30 });
    expect(appInsights).toMatchObject({
      resourceName: 'appi-msengine-test',
      kind: 'web',
      applicationType: 'web',
      ingestionMode: 'LogAnalytics',
      workspaceResourceId: workspace.id,
    });
  });

  it('[Monitoring] a poison-queue alert and a failed-run alert query the workspace and mail alertEmail', () => {
    const workspace = one('azure-native:operationalinsights:Workspace');
    const actionGroup = one('azure-native:monitor:ActionGroup');
    expect(inputs(actionGroup)).toMatchObject({
      actionGroupName: 'ag-msengine-test',
      enabled: true,
      emailReceivers: [{ name: 'engine-alerts', emailAddress: testConfig['ms-engine:alertEmail'], useCommonAlertSchema: true }],
    });
    expect(inputs(actionGroup)['groupShortName'].length).toBeLessThanOrEqual(12);

    const rules = Object.fromEntries(all('azure-native:monitor:ScheduledQueryRule').map((rule) => [rule.name, inputs(rule)]));
    expect(Object.keys(rules).sort()).toEqual(['job-run-failed', 'poison-queue-messages']);
    for (const rule of Object.values(rules)) {
      expect(rule).toMatchObject({ kind: 'LogAlert', enabled: true, scopes: [workspace.id], actions: { actionGroups: [actionGroup.id] } });
      expect(rule['criteria'].allOf).toEqual([expect.objectContaining({ timeAggregation: 'Count', operator: 'GreaterThan', threshold: 0 })]);
    }
    const query = (name: string): string => rules[name]!['criteria'].allOf[0].query;
    expect(query('poison-queue-messages')).toContain('"message dead-lettered"');
    expect(query('poison-queue-messages')).toContain('endswith "Poison"');
    expect(query('job-run-failed')).toContain('"job run failed"');
    expect(query('job-run-failed')).toContain('"posting run step failed"');
  });

  it('[Monitoring] the alerts watch for what the engine really logs and names', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = async (path: string) => readFile(new URL(`../${path}`, import.meta.url), 'utf8');
    expect(await source('handlers/queue/poisonQueueFunction.ts')).toContain(`'${alertSignals.deadLettered}'`);
    expect(await source('domain/jobs/executeJobRun.ts')).toContain(`'${alertSignals.jobRunFailed}'`);
    expect(await source('domain/bookkeeping/continuePostingRun.ts')).toContain(`'${alertSignals.postingRunStepFailed}'`);

    // Every poison queue's function name ends in "Poison", and only those.
    const engine = engineQueueFunctions();
    for (const fn of engine) expect(fn.name.endsWith('Poison'), fn.name).toBe(fn.queueName.endsWith('-poison'));
  });
});

describe('[Email] Azure Communication Services', () => {
  it('[Email] an Email service with an Azure-managed domain, connected to the Communication Service, data in Europe', () => {
    const emailService = inputs(one('azure-native:communication:EmailService'));
    const domain = one('azure-native:communication:Domain');
    const communicationService = inputs(one('azure-native:communication:CommunicationService'));

    expect(emailService).toMatchObject({ emailServiceName: 'acs-email-msengine-test', location: 'global', dataLocation: 'Europe' });
    expect(inputs(domain)).toMatchObject({ domainName: 'AzureManagedDomain', domainManagement: 'AzureManaged', emailServiceName: 'acs-email-msengine-test' });
    expect(communicationService).toMatchObject({
      communicationServiceName: 'acs-msengine-test',
      location: 'global',
      dataLocation: 'Europe',
      linkedDomains: [domain.id],
    });
  });

  it('[Email] the engine sends from the managed domain with the service\'s connection string, kept in the vault', () => {
    expect(appSettings()['ACS_EMAIL_SENDER']).toBe(`DoNotReply@${mockMailFromSenderDomain}`);
    expect(appSettings()['ACS_EMAIL_CONNECTION_STRING']).toMatch(/^@Microsoft\.KeyVault\(SecretUri=https:\/\/kv-msengine-test\.vault\.azure\.net\/secrets\/acs-email-connection-string\//);
  });
});

describe('[Contract] the engine and its infrastructure agree', () => {
  it("[Contract] the engine's own loadConfig accepts the Function App's settings and signs in to Cosmos and storage without a key", () => {
    const engine = loadConfig(appSettings());

    expect(engine.cosmos).toEqual({
      endpoint: 'https://cosmos-msengine-test.documents.azure.com:443/',
      database: 'ms-engine',
    });
    expect(engine.storage).toEqual({
      kind: 'identity',
      blobServiceUrl: 'https://stmsenginetest.blob.core.windows.net',
      queueServiceUrl: 'https://stmsenginetest.queue.core.windows.net',
    });
  });

  it('[Contract] Cosmos containers and queues are the ones the engine uses', () => {
    const containers = all('azure-native:cosmosdb:SqlResourceSqlContainer').map(inputs);
    const declared = containers.map((c) => ({ id: c['resource'].id, partitionKey: c['resource'].partitionKey.paths[0] }));
    expect(declared).toEqual(expect.arrayContaining(Object.values(cosmosContainers)));
    expect(declared).toHaveLength(Object.values(cosmosContainers).length);

    // Every queue the engine sends to or triggers on, and the poison queue Functions moves its failures to.
    const queues = all('azure-native:storage:Queue').map((q) => q.inputs['queueName']);
    const engineQueues = Object.values(queueNames).flatMap((queue) => [queue, poisonQueueOf(queue)]);
    expect(queues.sort()).toEqual(engineQueues.sort());

    // Every blob container the engine writes (the dataset store imports the same name), plus infra's own.
    const blobs = all('azure-native:storage:BlobContainer').map((c) => c.inputs['containerName']);
    expect(blobContainers.datasets).toBe(datasetsContainer);
    expect(blobs).toEqual(expect.arrayContaining([...Object.values(blobContainers), 'deployments']));
  });

  it('[Contract] every queue the engine\'s queue functions trigger on is declared', () => {
    const queueFunctionNames = engineQueueFunctions().map((fn) => fn.queueName);
    const queues = all('azure-native:storage:Queue').map((q) => q.inputs['queueName']);
    expect(queueFunctionNames.length).toBeGreaterThan(0);
    expect(queues).toEqual(expect.arrayContaining(queueFunctionNames));
  });
});

describe('[Stack] resource group and outputs', () => {
  it('[Stack] every resource with a region is in the stack region and the resource group', () => {
    const group = inputs(one('azure-native:resources:ResourceGroup'));
    expect(group).toMatchObject({ resourceGroupName: 'rg-msengine-test', location: 'swedencentral' });

    const ids = recorded.map((r) => r.id);
    // Azure resources only: the code-package command runs on the operator's machine.
    const azureResources = recorded.filter((r) => r.type.startsWith('azure-native:') && r.type !== 'azure-native:resources:ResourceGroup');
    for (const resource of azureResources) {
      if (resource.type === 'azure-native:authorization:RoleAssignment') {
        expect(ids, resource.name).toContain(resource.inputs['scope']); // on one of the stack's resources
        continue;
      }
      expect(resource.inputs['resourceGroupName'], resource.name).toBe('rg-msengine-test');
      // Action groups and Communication Services are global resources (ACS keeps its data in Europe), and so is the system topic of ACS's events.
      if (resource.type === 'azure-native:monitor:ActionGroup') expect(resource.inputs['location']).toBe('Global');
      else if (resource.type.startsWith('azure-native:communication:') || resource.type === 'azure-native:eventgrid:SystemTopic') expect(resource.inputs['location']).toBe('global');
      else if ('location' in resource.inputs) expect(resource.inputs['location'], resource.name).toBe('swedencentral');
    }
  });

  it('[Stack] the stack exports names and endpoints, and no secret', async () => {
    const outputs = {
      resourceGroupName: await valueOf(program.resourceGroupName),
      functionAppName: await valueOf(program.functionAppName),
      functionAppHostname: await valueOf(program.functionAppHostname),
      cosmosEndpoint: await valueOf(program.cosmosEndpoint),
      storageAccountName: await valueOf(program.storageAccountName),
      keyVaultName: await valueOf(program.keyVaultName),
      appInsightsName: await valueOf(program.appInsightsName),
      emailSenderAddress: await valueOf(program.emailSenderAddress),
      webhookUrls: {
        onlineFundraising: await valueOf(program.webhookUrls.onlineFundraising),
        drupal: await valueOf(program.webhookUrls.drupal),
        dataverse: await valueOf(program.webhookUrls.dataverse),
      },
      datasetsContainerUrl: await valueOf(program.datasetsContainerUrl),
    };
    for (const output of [program.webhookUrls.onlineFundraising, program.datasetsContainerUrl, program.emailSenderAddress]) {
      expect(await pulumi.isSecret(output)).toBe(false);
    }

    expect(outputs).toEqual({
      resourceGroupName: 'rg-msengine-test',
      functionAppName: 'func-msengine-test',
      functionAppHostname: 'func-msengine-test.azurewebsites.net',
      cosmosEndpoint: 'https://cosmos-msengine-test.documents.azure.com:443/',
      storageAccountName: 'stmsenginetest',
      keyVaultName: 'kv-msengine-test',
      appInsightsName: 'appi-msengine-test',
      emailSenderAddress: `DoNotReply@${mockMailFromSenderDomain}`,
      webhookUrls: {
        onlineFundraising: 'https://func-msengine-test.azurewebsites.net/webhooks/onlinefundraising',
        drupal: 'https://func-msengine-test.azurewebsites.net/webhooks/drupal',
        dataverse: 'https://func-msengine-test.azurewebsites.net/webhooks/dataverse',
      },
      datasetsContainerUrl: 'https://stmsenginetest.blob.core.windows.net/datasets',
    });
  });

  it('[CARE-Interactions] ACS\'s delivery and engagement reports go through an Event Grid system topic to the engine\'s webhook, with the key as a secret header, once the code is published', () => {
    const topic = inputs(one('azure-native:eventgrid:SystemTopic'));
    expect(topic['topicType']).toBe('Microsoft.Communication.CommunicationServices');
    expect(topic['source']).toBe(one('azure-native:communication:CommunicationService').id);
    const subscription = inputs(one('azure-native:eventgrid:SystemTopicEventSubscription'));
    expect(subscription['filter'].includedEventTypes).toEqual(['Microsoft.Communication.EmailDeliveryReportReceived', 'Microsoft.Communication.EmailEngagementTrackingReportReceived']);
    expect(subscription['destination'].endpointUrl).toMatch(/^https:\/\/.+\/webhooks\/acs-email$/);
    expect(subscription['destination'].deliveryAttributeMappings).toEqual([{ type: 'Static', name: 'X-Engine-Event-Key', value: testSecrets['ms-engine:acsEventsWebhookKey'], isSecret: true }]);
  });

  it('[Contract] there is a webhook URL for every webhook route the engine serves, at the root (no route prefix)', async () => {
    const { readFile } = await import('node:fs/promises');
    const routes = await readFile(new URL('../handlers/http/httpApp.ts', import.meta.url), 'utf8');
    const servedWebhooks = [...routes.matchAll(/app\.post\('(\/webhooks\/[^']+)'/g)].map((match) => match[1]);
    expect(Object.values(program.webhookPaths).sort()).toEqual(servedWebhooks.sort());
    const host = JSON.parse(await readFile(new URL('../handlers/azure/host.json', import.meta.url), 'utf8'));
    expect(host.extensions.http.routePrefix).toBe('');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { cosmosContainers } from '../adapters/cosmos/containers.js';
import { loadConfig } from '../handlers/config.js';
import { poisonQueueOf, queueNames } from '../handlers/queue/queueNames.js';
import {
  allRegistered,
  isSecretValue,
  mockAzure,
  mockStorageKey,
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
    expect(storage.authentication).toEqual({
      type: 'StorageAccountConnectionString',
      storageAccountConnectionStringName: 'AzureWebJobsStorage',
    });
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
  it('[Settings] the Function App gets exactly the settings the engine reads, with the stack values', () => {
    const settings = appSettings();

    expect(Object.keys(settings).sort()).toEqual(
      [
        'AzureWebJobsStorage',
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
        'ADMIN_API_KEY',
        'ACS_EMAIL_CONNECTION_STRING',
        'ACS_EMAIL_SENDER',
        'DRUPAL_URL',
        'DRUPAL_USERNAME',
        'DRUPAL_PASSWORD',
        'DRUPAL_WEBHOOK_SECRET',
        'PREFERENCE_LINK_SECRET',
        'BC_API_URL',
        'BC_TENANT_ID',
        'BC_CLIENT_ID',
        'BC_CLIENT_SECRET',
        'BC_COMPANY_ID',
        'BC_JOURNAL_CODE',
        'BC_PROJECT_DIMENSION',
        'BC_BUDGET_LINE_DIMENSION',
      ].sort(),
    );
    expect(settings).toMatchObject({
      AzureWebJobsStorage: `DefaultEndpointsProtocol=https;AccountName=stmsenginetest;AccountKey=${mockStorageKey};EndpointSuffix=core.windows.net`,
      COSMOS_ENDPOINT: 'https://cosmos-msengine-test.documents.azure.com:443/',
      COSMOS_DATABASE: 'ms-engine',
      OF_API_URL: testConfig['ms-engine:ofApiUrl'],
      OF_API_KEY: testSecrets['ms-engine:ofApiKey'],
      OF_WEBHOOK_SECRET: testSecrets['ms-engine:ofWebhookSecret'],
      DATAVERSE_URL: testConfig['ms-engine:dataverseUrl'],
      DATAVERSE_TENANT_ID: testConfig['ms-engine:dataverseTenantId'],
      DATAVERSE_CLIENT_ID: testConfig['ms-engine:dataverseClientId'],
      DATAVERSE_AUTHORITY_URL: 'https://login.microsoftonline.com',
      DATAVERSE_CLIENT_SECRET: testSecrets['ms-engine:dataverseClientSecret'],
      DATAVERSE_WEBHOOK_KEY: testSecrets['ms-engine:dataverseWebhookKey'],
      ADMIN_API_KEY: testSecrets['ms-engine:adminApiKey'],
      ACS_EMAIL_CONNECTION_STRING: testSecrets['ms-engine:acsEmailConnectionString'],
      ACS_EMAIL_SENDER: testConfig['ms-engine:acsEmailSender'],
      DRUPAL_URL: testConfig['ms-engine:drupalUrl'],
      DRUPAL_USERNAME: testConfig['ms-engine:drupalUsername'],
      DRUPAL_PASSWORD: testSecrets['ms-engine:drupalPassword'],
      DRUPAL_WEBHOOK_SECRET: testSecrets['ms-engine:drupalWebhookSecret'],
      PREFERENCE_LINK_SECRET: testSecrets['ms-engine:preferenceLinkSecret'],
      BC_API_URL: testConfig['ms-engine:bcApiUrl'],
      BC_CLIENT_SECRET: testSecrets['ms-engine:bcClientSecret'],
      BC_JOURNAL_CODE: testConfig['ms-engine:bcJournalCode'],
      BC_PROJECT_DIMENSION: 'SAG',
    });
  });

  it('[Secrets] secrets and the storage key reach Azure only as Pulumi secrets, never in clear', () => {
    const app = one('azure-native:web:WebApp');
    expect(isSecretValue(app.inputs['siteConfig'])).toBe(true);

    const inClear = JSON.stringify(recorded.map((r) => withSecretsHidden(r.inputs)));
    for (const secret of [...Object.values(testSecrets), mockStorageKey]) {
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
  it('[Storage] the account is StorageV2 with the stack SKU, TLS 1.2, https only, no public blobs', () => {
    const account = inputs(one('azure-native:storage:StorageAccount'));

    expect(account).toMatchObject({
      accountName: 'stmsenginetest',
      kind: 'StorageV2',
      sku: { name: 'Standard_ZRS' },
      minimumTlsVersion: 'TLS1_2',
      allowBlobPublicAccess: false,
      enableHttpsTrafficOnly: true,
    });
  });

  it('[Storage] the queues and blob containers exist in the account, none public', () => {
    const queues = all('azure-native:storage:Queue').map(inputs);
    expect(queues.map((q) => q['queueName']).sort()).toEqual(['automation-triggers', 'automation-triggers-poison', 'of-notifications', 'of-notifications-poison', 'person-merges', 'person-merges-poison', 'crm-contact-changes', 'crm-contact-changes-poison', 'drupal-notifications', 'drupal-notifications-poison', 'form-imports', 'form-imports-poison', 'posting-runs', 'posting-runs-poison', 'job-runs', 'job-runs-poison'].sort());

    const containers = all('azure-native:storage:BlobContainer').map(inputs);
    expect(containers.map((c) => c['containerName']).sort()).toEqual(['datasets', 'deployments']);
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

describe('[Contract] the engine and its infrastructure agree', () => {
  it("[Contract] the engine's own loadConfig accepts the Function App's settings and signs in to Cosmos without a key", () => {
    const engine = loadConfig(appSettings());

    expect(engine.cosmos).toEqual({
      endpoint: 'https://cosmos-msengine-test.documents.azure.com:443/',
      database: 'ms-engine',
    });
  });

  it('[Contract] Cosmos containers and queues are the ones the engine uses', () => {
    const containers = all('azure-native:cosmosdb:SqlResourceSqlContainer').map(inputs);
    const declared = containers.map((c) => ({ id: c['resource'].id, partitionKey: c['resource'].partitionKey.paths[0] }));
    expect(declared).toEqual(expect.arrayContaining(Object.values(cosmosContainers)));
    expect(declared).toHaveLength(Object.values(cosmosContainers).length);

    const queues = all('azure-native:storage:Queue').map((q) => q.inputs['queueName']);
    const engineQueues = Object.values(queueNames).flatMap((queue) => [queue, poisonQueueOf(queue)]);
    expect(queues.sort()).toEqual(engineQueues.sort());
  });
});

describe('[Stack] resource group and outputs', () => {
  it('[Stack] every resource with a region is in the stack region and the resource group', () => {
    const group = inputs(one('azure-native:resources:ResourceGroup'));
    expect(group).toMatchObject({ resourceGroupName: 'rg-msengine-test', location: 'swedencentral' });

    for (const resource of recorded.filter((r) => r.type !== 'azure-native:resources:ResourceGroup')) {
      expect(resource.inputs['resourceGroupName'], resource.name).toBe('rg-msengine-test');
      if ('location' in resource.inputs) expect(resource.inputs['location'], resource.name).toBe('swedencentral');
    }
  });

  it('[Stack] the stack exports names and endpoints, and no secret', async () => {
    const outputs = {
      resourceGroupName: await valueOf(program.resourceGroupName),
      functionAppName: await valueOf(program.functionAppName),
      functionAppHostname: await valueOf(program.functionAppHostname),
      cosmosEndpoint: await valueOf(program.cosmosEndpoint),
      storageAccountName: await valueOf(program.storageAccountName),
    };

    expect(outputs).toEqual({
      resourceGroupName: 'rg-msengine-test',
      functionAppName: 'func-msengine-test',
      functionAppHostname: 'func-msengine-test.azurewebsites.net',
      cosmosEndpoint: 'https://cosmos-msengine-test.documents.azure.com:443/',
      storageAccountName: 'stmsenginetest',
    });
  });
});

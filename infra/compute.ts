import * as pulumi from '@pulumi/pulumi';
import * as web from '@pulumi/azure-native/web/index.js';
import type { StackConfig } from './config.js';
import type { ResourceNames } from './names.js';

export interface AppSetting {
  name: string;
  value: pulumi.Input<string>;
}

export interface AppSettingsInputs {
  config: StackConfig;
  /** Connection string of the storage account (queues, blobs, Functions host state); a secret. */
  storageConnectionString: pulumi.Input<string>;
  cosmosEndpoint: pulumi.Input<string>;
  cosmosDatabase: pulumi.Input<string>;
}

/**
 * The environment the engine reads. Secrets stay Pulumi secrets (encrypted in the state, hidden in
 * previews); a later issue replaces them with Key Vault references. Cosmos DB has no key here: the
 * app uses its managed identity (see identity.ts).
 */
export function functionAppSettings({
  config,
  storageConnectionString,
  cosmosEndpoint,
  cosmosDatabase,
}: AppSettingsInputs): AppSetting[] {
  const { onlineFundraising, dataverse } = config;
  return [
    { name: 'AzureWebJobsStorage', value: pulumi.secret(storageConnectionString) },
    { name: 'COSMOS_ENDPOINT', value: cosmosEndpoint },
    { name: 'COSMOS_DATABASE', value: cosmosDatabase },
    { name: 'OF_API_URL', value: onlineFundraising.apiUrl },
    { name: 'OF_API_KEY', value: onlineFundraising.apiKey },
    { name: 'OF_WEBHOOK_SECRET', value: onlineFundraising.webhookSecret },
    { name: 'DATAVERSE_URL', value: dataverse.url },
    { name: 'DATAVERSE_TENANT_ID', value: dataverse.tenantId },
    { name: 'DATAVERSE_CLIENT_ID', value: dataverse.clientId },
    { name: 'DATAVERSE_AUTHORITY_URL', value: dataverse.authorityUrl },
    { name: 'DATAVERSE_CLIENT_SECRET', value: dataverse.clientSecret },
    { name: 'DATAVERSE_WEBHOOK_KEY', value: dataverse.webhookKey },
    { name: 'ADMIN_API_KEY', value: config.adminApiKey },
    { name: 'ACS_EMAIL_CONNECTION_STRING', value: config.email.connectionString },
    { name: 'ACS_EMAIL_SENDER', value: config.email.senderAddress },
    { name: 'DRUPAL_URL', value: config.drupal.url },
    { name: 'DRUPAL_USERNAME', value: config.drupal.username },
    { name: 'DRUPAL_PASSWORD', value: config.drupal.password },
    { name: 'DRUPAL_WEBHOOK_SECRET', value: config.drupal.webhookSecret },
    { name: 'PREFERENCE_LINK_SECRET', value: config.preferenceLinkSecret },
    { name: 'BC_API_URL', value: config.businessCentral.apiUrl },
    { name: 'BC_TENANT_ID', value: config.businessCentral.tenantId },
    { name: 'BC_CLIENT_ID', value: config.businessCentral.clientId },
    { name: 'BC_CLIENT_SECRET', value: config.businessCentral.clientSecret },
    { name: 'BC_COMPANY_ID', value: config.businessCentral.companyId },
    { name: 'BC_JOURNAL_CODE', value: config.businessCentral.journalCode },
    { name: 'BC_PROJECT_DIMENSION', value: config.businessCentral.projectDimension },
    { name: 'BC_BUDGET_LINE_DIMENSION', value: config.businessCentral.budgetLineDimension },
  ];
}

export interface FunctionAppInputs {
  config: StackConfig;
  names: ResourceNames;
  resourceGroupName: pulumi.Input<string>;
  /** Blob container URL the Flex Consumption plan deploys the code package from. */
  deploymentsUrl: pulumi.Input<string>;
  appSettings: AppSetting[];
}

export interface Compute {
  plan: web.AppServicePlan;
  app: web.WebApp;
}

/**
 * The engine's Function App on the Flex Consumption plan (Linux only; scales to zero). On Flex the
 * runtime is set in `functionAppConfig`, not with FUNCTIONS_WORKER_RUNTIME or linuxFxVersion.
 */
export function createFunctionApp({
  config,
  names,
  resourceGroupName,
  deploymentsUrl,
  appSettings,
}: FunctionAppInputs): Compute {
  const plan = new web.AppServicePlan('functions', {
    name: names.functionPlan,
    resourceGroupName,
    location: config.location,
    kind: 'functionapp',
    reserved: true, // Linux
    sku: { name: 'FC1', tier: 'FlexConsumption' },
    tags: config.tags,
  });

  const app = new web.WebApp('engine', {
    name: names.functionApp,
    resourceGroupName,
    location: config.location,
    kind: 'functionapp,linux',
    reserved: true,
    serverFarmId: plan.id,
    httpsOnly: true,
    identity: { type: 'SystemAssigned' },
    functionAppConfig: {
      runtime: { name: 'node', version: '22' },
      deployment: {
        storage: {
          type: 'blobContainer',
          value: deploymentsUrl,
          authentication: {
            type: 'StorageAccountConnectionString',
            storageAccountConnectionStringName: 'AzureWebJobsStorage',
          },
        },
      },
      scaleAndConcurrency: { instanceMemoryMB: 2048, maximumInstanceCount: config.functionMaxInstances },
    },
    siteConfig: {
      appSettings,
      minTlsVersion: '1.2',
      ftpsState: 'Disabled',
    },
    tags: config.tags,
  });

  return { plan, app };
}

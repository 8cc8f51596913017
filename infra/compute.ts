import * as pulumi from '@pulumi/pulumi';
import * as web from '@pulumi/azure-native/web/index.js';
import type { StackConfig } from './config.js';
import type { ResourceNames } from './names.js';
import { secretSettingNames, type SecretSettingName } from './secrets.js';

export interface AppSetting {
  name: string;
  value: pulumi.Input<string>;
}

export interface AppSettingsInputs {
  config: StackConfig;
  /** The value of each secret setting: a Key Vault reference (see secrets.ts), never the secret itself. */
  secretReferences: Record<SecretSettingName, pulumi.Input<string>>;
  /** The storage account the Functions host, its queue triggers and the engine reach with the app's identity. */
  storageAccountName: pulumi.Input<string>;
  cosmosEndpoint: pulumi.Input<string>;
  cosmosDatabase: pulumi.Input<string>;
  /** Read by the Functions host (not the engine): where its logs and the engine's log lines go. */
  appInsightsConnectionString: pulumi.Input<string>;
  /** The sender address on the stack's email domain (email.ts). */
  emailSenderAddress: pulumi.Input<string>;
  /** The engine app registration's client id (staffSignIn.ts): the audience of staff tokens. */
  staffAuthAudience: pulumi.Input<string>;
  /** Where the engine is reached from outside (the unsubscribe links in mails point at it). */
  publicUrl: pulumi.Input<string>;
}

/**
 * The environment the engine reads. Secrets are Key Vault references, resolved by App Service with the
 * app's managed identity; no secret value is in the app settings. Storage and Cosmos DB have no key
 * here: the app uses its managed identity (see identity.ts).
 */
export function functionAppSettings({
  config,
  secretReferences,
  storageAccountName,
  cosmosEndpoint,
  cosmosDatabase,
  appInsightsConnectionString,
  emailSenderAddress,
  staffAuthAudience,
  publicUrl,
}: AppSettingsInputs): AppSetting[] {
  const { onlineFundraising, dataverse } = config;
  const plain: AppSetting[] = [
    // Identity-based AzureWebJobsStorage: the Functions host (its own state, the queue triggers) and the engine read it.
    { name: 'AzureWebJobsStorage__accountName', value: storageAccountName },
    { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' },
    { name: 'COSMOS_ENDPOINT', value: cosmosEndpoint },
    { name: 'COSMOS_DATABASE', value: cosmosDatabase },
    { name: 'OF_API_URL', value: onlineFundraising.apiUrl },
    { name: 'DATAVERSE_URL', value: dataverse.url },
    { name: 'DATAVERSE_TENANT_ID', value: dataverse.tenantId },
    { name: 'DATAVERSE_CLIENT_ID', value: dataverse.clientId },
    { name: 'DATAVERSE_AUTHORITY_URL', value: dataverse.authorityUrl },
    { name: 'ACS_EMAIL_SENDER', value: emailSenderAddress },
    { name: 'STAFF_AUTH_ISSUER', value: config.staffSignIn.issuer },
    { name: 'STAFF_AUTH_TENANT_ID', value: config.staffSignIn.tenantId },
    { name: 'STAFF_AUTH_AUDIENCE', value: staffAuthAudience },
    { name: 'PUBLIC_URL', value: publicUrl },
    { name: 'DRUPAL_URL', value: config.drupal.url },
    { name: 'DRUPAL_USERNAME', value: config.drupal.username },
    { name: 'BC_API_URL', value: config.businessCentral.apiUrl },
    { name: 'BC_TENANT_ID', value: config.businessCentral.tenantId },
    { name: 'BC_CLIENT_ID', value: config.businessCentral.clientId },
    { name: 'BC_COMPANY_ID', value: config.businessCentral.companyId },
    { name: 'BC_JOURNAL_CODE', value: config.businessCentral.journalCode },
    { name: 'BC_PROJECT_DIMENSION', value: config.businessCentral.projectDimension },
    { name: 'BC_BUDGET_LINE_DIMENSION', value: config.businessCentral.budgetLineDimension },
    { name: 'HEROBASE_API_URL', value: config.heroBase.apiUrl },
    { name: 'TM_SFTP_HOST', value: config.telemarketingSftp.host },
    { name: 'TM_SFTP_PORT', value: String(config.telemarketingSftp.port) },
    { name: 'TM_SFTP_USERNAME', value: config.telemarketingSftp.username },
    { name: 'TM_SFTP_HOST_KEY', value: config.telemarketingSftp.hostKeyFingerprint },
    { name: 'TM_SFTP_DIRECTORY', value: config.telemarketingSftp.directory },
    { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString },
  ];
  const secret = secretSettingNames.map((name) => ({ name, value: secretReferences[name] }));
  return [...secret, ...plain];
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
          // The app's identity (Storage Blob Data Owner, identity.ts): the account takes no keys.
          authentication: { type: 'SystemAssignedIdentity' },
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

// The MS engine's Azure resources for one stack (dev, test, prod). Every difference between stacks
// lives in Pulumi.<stack>.yaml; see infra/README.md.
import * as authorization from '@pulumi/azure-native/authorization/index.js';
import * as pulumi from '@pulumi/pulumi';
import * as resources from '@pulumi/azure-native/resources/index.js';
import { fileURLToPath } from 'node:url';
import { functionAppSettings, createFunctionApp } from './compute.js';
import { readStackConfig } from './config.js';
import { createData } from './data.js';
import { deployFunctionPackage } from './deploy/functionPackage.js';
import { createEmail } from './email.js';
import { subscribeEmailEvents } from './emailEvents.js';
import { createMonitoring } from './monitoring.js';
import { grantCosmosDataContributor, grantRoles } from './identity.js';
import { resourceNames } from './names.js';
import { createSecretsVault, engineSecrets } from './secrets.js';
import { createStorage } from './storage.js';
import { createStaffSignIn } from './staffSignIn.js';

const config = readStackConfig();
const names = resourceNames(config.namePrefix);
// The tenant and subscription the azure-native provider deploys into (`az login`).
const client = authorization.getClientConfigOutput();

const resourceGroup = new resources.ResourceGroup('ms-engine', {
  resourceGroupName: names.resourceGroup,
  location: config.location,
  tags: config.tags,
});

const storage = createStorage(config, names, resourceGroup.name);
const data = createData(config, names, resourceGroup.name);
const monitoring = createMonitoring(config, names, resourceGroup.name);
const email = createEmail(config, names, resourceGroup.name);

const staffSignIn = createStaffSignIn(config, pulumi.getStack());

const secrets = createSecretsVault(
  config,
  names,
  resourceGroup.name,
  client.tenantId,
  engineSecrets({ config, emailConnectionString: email.connectionString }),
);

const compute = createFunctionApp({
  config,
  names,
  resourceGroupName: resourceGroup.name,
  deploymentsUrl: storage.deploymentsUrl,
  appSettings: functionAppSettings({
    config,
    secretReferences: secrets.references,
    storageAccountName: storage.account.name,
    cosmosEndpoint: data.endpoint,
    cosmosDatabase: data.database.name,
    appInsightsConnectionString: monitoring.connectionString,
    emailSenderAddress: email.senderAddress,
    staffAuthAudience: staffSignIn.clientId,
    publicUrl: config.publicUrl ?? `https://${names.functionApp}.azurewebsites.net`,
  }),
});

const cosmosAccess = grantCosmosDataContributor(compute.app, data.account, resourceGroup.name);
const appRoles = grantRoles(compute.app, client.subscriptionId, [
  { name: 'engine-storage-blob-data-owner', role: 'storageBlobDataOwner', scope: storage.account.id },
  { name: 'engine-storage-queue-data-contributor', role: 'storageQueueDataContributor', scope: storage.account.id },
  { name: 'engine-storage-table-data-contributor', role: 'storageTableDataContributor', scope: storage.account.id },
  { name: 'engine-key-vault-secrets-user', role: 'keyVaultSecretsUser', scope: secrets.vault.id },
]);

// The engine's code, built from this repository and published when its sources change.
const codePackage = deployFunctionPackage({
  app: compute.app,
  root: fileURLToPath(new URL('..', import.meta.url)),
  dependsOn: [cosmosAccess, ...appRoles],
});

const emailEvents = subscribeEmailEvents({
  config,
  names,
  resourceGroupName: resourceGroup.name,
  email,
  webhookUrl: pulumi.interpolate`https://${compute.app.defaultHostName}/webhooks/acs-email`,
  dependsOn: [codePackage],
});

export const resourceGroupName = resourceGroup.name;
export const emailEventSubscriptionName = emailEvents.subscription.name;
export const functionAppName = compute.app.name;
export const functionAppHostname = compute.app.defaultHostName;
export const cosmosEndpoint = data.endpoint;
export const storageAccountName = storage.account.name;
export const keyVaultName = secrets.vault.name;
export const appInsightsName = monitoring.appInsights.name;
export const emailSenderAddress = email.senderAddress;
/** [Brugerrettigheder] The engine app registration's client id: staff ask for tokens with scope api://<it>/.default. */
export const staffSignInClientId = pulumi.output(staffSignIn.clientId);
/** The fingerprint of the engine sources last published to the app (infra/deploy/packageSources.ts). */
export const deployedSourceFingerprint = codePackage.triggers.apply((triggers) => String(triggers?.[0] ?? ''));

/** Webhook routes of the engine (handlers/http/httpApp.ts; host.json has no route prefix). */
export const webhookPaths = {
  onlineFundraising: '/webhooks/onlinefundraising',
  drupal: '/webhooks/drupal',
  dataverse: '/webhooks/dataverse',
  acsEmail: '/webhooks/acs-email',
  heroBase: '/webhooks/herobase',
} as const;
/** The URLs to register with OF, Drupal, Dataverse and HeroBase (their secrets: ofWebhookSecret, drupalWebhookSecret, dataverseWebhookKey, heroBaseWebhookSecret). */
export const webhookUrls = {
  heroBase: pulumi.interpolate`https://${compute.app.defaultHostName}${webhookPaths.heroBase}`,
  onlineFundraising: pulumi.interpolate`https://${compute.app.defaultHostName}${webhookPaths.onlineFundraising}`,
  drupal: pulumi.interpolate`https://${compute.app.defaultHostName}${webhookPaths.drupal}`,
  dataverse: pulumi.interpolate`https://${compute.app.defaultHostName}${webhookPaths.dataverse}`,
};
/** The container Power BI reads the datasets from (sign in with Entra ID; no public access). */
export const datasetsContainerUrl = storage.datasetsUrl;

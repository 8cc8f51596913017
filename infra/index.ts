// The MS engine's Azure resources for one stack (dev, test, prod). Every difference between stacks
// lives in Pulumi.<stack>.yaml; see infra/README.md.
import * as resources from '@pulumi/azure-native/resources/index.js';
import { functionAppSettings, createFunctionApp } from './compute.js';
import { readStackConfig } from './config.js';
import { createData } from './data.js';
import { grantCosmosDataContributor } from './identity.js';
import { resourceNames } from './names.js';
import { createStorage } from './storage.js';

const config = readStackConfig();
const names = resourceNames(config.namePrefix);

const resourceGroup = new resources.ResourceGroup('ms-engine', {
  resourceGroupName: names.resourceGroup,
  location: config.location,
  tags: config.tags,
});

const storage = createStorage(config, names, resourceGroup.name);
const data = createData(config, names, resourceGroup.name);

const compute = createFunctionApp({
  config,
  names,
  resourceGroupName: resourceGroup.name,
  deploymentsUrl: storage.deploymentsUrl,
  appSettings: functionAppSettings({
    config,
    storageConnectionString: storage.connectionString,
    cosmosEndpoint: data.endpoint,
    cosmosDatabase: data.database.name,
  }),
});

grantCosmosDataContributor(compute.app, data.account, resourceGroup.name);

export const resourceGroupName = resourceGroup.name;
export const functionAppName = compute.app.name;
export const functionAppHostname = compute.app.defaultHostName;
export const cosmosEndpoint = data.endpoint;
export const storageAccountName = storage.account.name;

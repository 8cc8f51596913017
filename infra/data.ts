import type * as pulumi from '@pulumi/pulumi';
import * as cosmosdb from '@pulumi/azure-native/cosmosdb/index.js';
import { cosmosContainers } from '../adapters/cosmos/containers.js';
import type { StackConfig } from './config.js';
import type { ResourceNames } from './names.js';

export const databaseName = 'ms-engine';

export interface Data {
  account: cosmosdb.DatabaseAccount;
  database: cosmosdb.SqlResourceSqlDatabase;
  /** `https://<account>.documents.azure.com:443/` */
  endpoint: pulumi.Output<string>;
}

export function createData(config: StackConfig, names: ResourceNames, resourceGroupName: pulumi.Input<string>): Data {
  const account = new cosmosdb.DatabaseAccount('engine', {
    accountName: names.cosmosAccount,
    resourceGroupName,
    location: config.location,
    kind: 'GlobalDocumentDB',
    databaseAccountOfferType: 'Standard',
    // Serverless: billed per request unit consumed, no provisioned throughput; one region only.
    // Autoscale (prod): no capability; the database below gets the throughput.
    capabilities: config.cosmosThroughput.mode === 'serverless' ? [{ name: 'EnableServerless' }] : [],
    consistencyPolicy: { defaultConsistencyLevel: 'Session' },
    locations: [{ locationName: config.location, failoverPriority: 0 }],
    disableLocalAuth: config.cosmosDisableLocalAuth,
    minimalTlsVersion: 'Tls12',
    tags: config.tags,
  });

  const database = new cosmosdb.SqlResourceSqlDatabase(databaseName, {
    accountName: account.name,
    resourceGroupName,
    databaseName,
    resource: { id: databaseName },
    // Autoscale throughput shared by all containers (at most 25 per shared database; the engine has fewer).
    ...(config.cosmosThroughput.mode === 'autoscale' && {
      options: { autoscaleSettings: { maxThroughput: config.cosmosThroughput.maxThroughput } },
    }),
  });

  // The engine's own definitions (adapters/cosmos/containers.ts), so infra and code cannot drift.
  // Indexing: Cosmos DB's default policy (every path, consistent), which the engine's queries rely on;
  // the engine uses no unique keys (uniqueness comes from deterministic ids).
  for (const { id: containerName, partitionKey } of Object.values(cosmosContainers)) {
    new cosmosdb.SqlResourceSqlContainer(containerName, {
      accountName: account.name,
      resourceGroupName,
      databaseName: database.name,
      containerName,
      resource: { id: containerName, partitionKey: { paths: [partitionKey], kind: 'Hash', version: 2 } },
    });
  }

  return { account, database, endpoint: account.documentEndpoint };
}

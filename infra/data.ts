import type * as pulumi from '@pulumi/pulumi';
import * as cosmosdb from '@pulumi/azure-native/cosmosdb/index.js';
import type { StackConfig } from './config.js';
import type { ResourceNames } from './names.js';

export const databaseName = 'ms-engine';

/** Cosmos containers and their partition keys (the same as adapters/cosmos/containers.ts). */
export const containers = {
  persons: { partitionKey: '/id' },
  'dead-letters': { partitionKey: '/id' },
  mirror: { partitionKey: '/id' },
  'engine-state': { partitionKey: '/id' },
  'automation-triggers': { partitionKey: '/id' },
  'identity-index': { partitionKey: '/id' },
  'duplicate-reviews': { partitionKey: '/id' },
  'consent-log': { partitionKey: '/personId' },
  'stop-list': { partitionKey: '/id' },
  signatures: { partitionKey: '/petitionId' },
  'marketing-lists': { partitionKey: '/list' },
  'form-submissions': { partitionKey: '/id' },
  payments: { partitionKey: '/id' },
  campaigns: { partitionKey: '/id' },
  'posting-runs': { partitionKey: '/id' },
  'posting-lines': { partitionKey: '/runId' },
  'agreement-states': { partitionKey: '/id' },
  'segment-members': { partitionKey: '/runId' },
  'job-runs': { partitionKey: '/id' },
} as const;

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
    capabilities: [{ name: 'EnableServerless' }],
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
  });

  for (const [containerName, { partitionKey }] of Object.entries(containers)) {
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

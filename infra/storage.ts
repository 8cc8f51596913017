import * as pulumi from '@pulumi/pulumi';
import * as storage from '@pulumi/azure-native/storage/index.js';
import type { StackConfig } from './config.js';
import type { ResourceNames } from './names.js';

/** Queues the engine reads: webhook notifications from OnlineFundraising, and those that failed too often. */
export const queueNames = [
  'of-notifications',
  'of-notifications-poison',
  'automation-triggers',
  'automation-triggers-poison',
  'person-merges',
  'person-merges-poison',
  'crm-contact-changes',
  'crm-contact-changes-poison',
  'drupal-notifications',
  'drupal-notifications-poison',
  'form-imports',
  'form-imports-poison',
  'posting-runs',
  'posting-runs-poison',
  'job-runs',
  'job-runs-poison',
] as const;

/** `datasets`: exports Power BI reads. `deployments`: the Function App's code package (Flex Consumption). */
export const containerNames = { datasets: 'datasets', deployments: 'deployments' } as const;

export interface Storage {
  account: storage.StorageAccount;
  deploymentsContainer: storage.BlobContainer;
  /** `https://<account>.blob.core.windows.net/deployments` */
  deploymentsUrl: pulumi.Output<string>;
  /** Connection string with the account's first key; a Pulumi secret. */
  connectionString: pulumi.Output<string>;
}

export function createStorage(
  config: StackConfig,
  names: ResourceNames,
  resourceGroupName: pulumi.Input<string>,
): Storage {
  const account = new storage.StorageAccount('engine', {
    accountName: names.storageAccount,
    resourceGroupName,
    location: config.location,
    kind: 'StorageV2',
    sku: { name: config.storageSku },
    minimumTlsVersion: 'TLS1_2',
    allowBlobPublicAccess: false,
    enableHttpsTrafficOnly: true,
    tags: config.tags,
  });

  for (const queueName of queueNames) {
    new storage.Queue(queueName, { queueName, accountName: account.name, resourceGroupName });
  }

  new storage.BlobContainer(containerNames.datasets, {
    containerName: containerNames.datasets,
    accountName: account.name,
    resourceGroupName,
    publicAccess: 'None',
  });
  const deploymentsContainer = new storage.BlobContainer(containerNames.deployments, {
    containerName: containerNames.deployments,
    accountName: account.name,
    resourceGroupName,
    publicAccess: 'None',
  });

  const keys = storage.listStorageAccountKeysOutput({ resourceGroupName, accountName: account.name });
  const connectionString = pulumi.secret(
    pulumi.all([account.name, keys]).apply(([accountName, { keys }]) => {
      const key = keys[0]?.value;
      if (!key) throw new Error(`storage account ${accountName} returned no keys`);
      return `DefaultEndpointsProtocol=https;AccountName=${accountName};AccountKey=${key};EndpointSuffix=core.windows.net`;
    }),
  );

  return {
    account,
    deploymentsContainer,
    deploymentsUrl: pulumi.interpolate`${account.primaryEndpoints.blob}${deploymentsContainer.name}`,
    connectionString,
  };
}

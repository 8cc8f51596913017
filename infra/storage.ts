import * as pulumi from '@pulumi/pulumi';
import * as storage from '@pulumi/azure-native/storage/index.js';
import { blobContainers } from '../adapters/blob/containers.js';
import { poisonQueueOf, queueNames } from '../handlers/queue/queueNames.js';
import type { StackConfig } from './config.js';
import type { ResourceNames } from './names.js';

/** Every queue the engine uses (handlers/queue/queueNames.ts) and the poison queue Functions moves its failures to. */
export const storageQueues: string[] = Object.values(queueNames).flatMap((queue) => [queue, poisonQueueOf(queue)]);

/**
 * Blob containers: the engine's own (adapters/blob/containers.ts: `datasets` for Power BI), `exports`
 * for files handed to people outside the engine (nothing writes it yet), and `deployments`, the
 * Function App's code package (Flex Consumption deploys from it).
 */
export const containerNames = { ...blobContainers, exports: 'exports', deployments: 'deployments' } as const;

export interface Storage {
  account: storage.StorageAccount;
  deploymentsContainer: storage.BlobContainer;
  /** `https://<account>.blob.core.windows.net/deployments` */
  deploymentsUrl: pulumi.Output<string>;
  /** `https://<account>.blob.core.windows.net/datasets`: what Power BI reads. */
  datasetsUrl: pulumi.Output<string>;
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
    // Entra ID only: the Function App reaches the account with its managed identity (identity.ts).
    allowSharedKeyAccess: false,
    tags: config.tags,
  });

  for (const queueName of storageQueues) {
    new storage.Queue(queueName, { queueName, accountName: account.name, resourceGroupName });
  }

  const containers = Object.fromEntries(
    Object.values(containerNames).map((containerName) => [
      containerName,
      new storage.BlobContainer(containerName, { containerName, accountName: account.name, resourceGroupName, publicAccess: 'None' }),
    ]),
  ) as Record<(typeof containerNames)[keyof typeof containerNames], storage.BlobContainer>;
  const deploymentsContainer = containers[containerNames.deployments];

  return {
    account,
    deploymentsContainer,
    deploymentsUrl: pulumi.interpolate`${account.primaryEndpoints.blob}${deploymentsContainer.name}`,
    datasetsUrl: pulumi.interpolate`${account.primaryEndpoints.blob}${containers[containerNames.datasets].name}`,
  };
}

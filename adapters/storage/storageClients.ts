import { DefaultAzureCredential } from '@azure/identity';
import { BlobServiceClient } from '@azure/storage-blob';
import { QueueServiceClient, type StoragePipelineOptions } from '@azure/storage-queue';

/**
 * How the engine reaches its storage account: a connection string (Azurite locally and in tests), or
 * the service URLs and the Function App's managed identity (Azure, where the account takes no keys).
 */
export type StorageConfig =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'identity'; blobServiceUrl: string; queueServiceUrl: string };

export interface StorageClients {
  blob: BlobServiceClient;
  queue: QueueServiceClient;
}

// Each try gets a time limit: a connection that died silently must not hang a webhook or a timer.
const queueOptions: StoragePipelineOptions = { retryOptions: { maxTries: 4, tryTimeoutInMs: 30_000 } };

export function createStorageClients(config: StorageConfig): StorageClients {
  if (config.kind === 'connectionString') {
    return {
      blob: BlobServiceClient.fromConnectionString(config.connectionString),
      queue: QueueServiceClient.fromConnectionString(config.connectionString, queueOptions),
    };
  }
  const credential = new DefaultAzureCredential();
  return {
    blob: new BlobServiceClient(config.blobServiceUrl, credential),
    queue: new QueueServiceClient(config.queueServiceUrl, credential, queueOptions),
  };
}

import { DefaultAzureCredential } from '@azure/identity';
import { StorageSharedKeyCredential as BlobSharedKey } from '@azure/storage-blob';
import { StorageSharedKeyCredential as QueueSharedKey } from '@azure/storage-queue';
import { describe, expect, it } from 'vitest';
import { createStorageClients } from './storageClients.js';

// The queue client keeps its credential protected; the blob client's is public.
const credentialOf = (client: object): unknown => (client as { credential: unknown }).credential;

// No live test of the identity form: Azurite accepts OAuth only over https, and the local stack
// runs it over plain http. The connection-string form is exercised against Azurite by the blob and
// queue tests.
describe('[Hosting] storage clients', () => {
  it("[Hosting] identity-based: the clients point at the account's URLs and sign in with a token credential, not a shared key", () => {
    const { blob, queue } = createStorageClients({
      kind: 'identity',
      blobServiceUrl: 'https://stmsenginedev.blob.core.windows.net',
      queueServiceUrl: 'https://stmsenginedev.queue.core.windows.net',
    });

    expect(blob.url).toBe('https://stmsenginedev.blob.core.windows.net/');
    expect(blob.getContainerClient('datasets').url).toBe('https://stmsenginedev.blob.core.windows.net/datasets');
    expect(queue.url).toBe('https://stmsenginedev.queue.core.windows.net');
    expect(queue.getQueueClient('of-notifications').url).toBe('https://stmsenginedev.queue.core.windows.net/of-notifications');
    expect(credentialOf(blob)).toBeInstanceOf(DefaultAzureCredential);
    expect(credentialOf(queue)).toBeInstanceOf(DefaultAzureCredential);
    expect(credentialOf(blob)).not.toBeInstanceOf(BlobSharedKey);
    expect(credentialOf(queue)).not.toBeInstanceOf(QueueSharedKey);
  });

  it('[Hosting] a connection string gives clients for its endpoints with its shared key', () => {
    const { blob, queue } = createStorageClients({ kind: 'connectionString', connectionString: 'UseDevelopmentStorage=true' });

    expect(blob.url).toBe('http://127.0.0.1:10000/devstoreaccount1');
    expect(queue.url).toBe('http://127.0.0.1:10001/devstoreaccount1');
    expect(credentialOf(blob)).toBeInstanceOf(BlobSharedKey);
    expect(credentialOf(queue)).toBeInstanceOf(QueueSharedKey);
  });
});

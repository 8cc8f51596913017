import { z } from 'zod';
import type { StorageConfig } from '../adapters/storage/storageClients.js';

/**
 * The storage account, in the Functions host's own two forms (the queue triggers read the same
 * settings): `AzureWebJobsStorage`, a connection string; or identity-based, `AzureWebJobsStorage__accountName`
 * and/or the service URIs, reached with the managed identity.
 */
export const storageSettings = z.object({
  AzureWebJobsStorage: z.string().min(1).optional(),
  AzureWebJobsStorage__accountName: z.string().regex(/^[a-z0-9]{3,24}$/, 'a storage account name: 3 to 24 lowercase letters and digits').optional(),
  AzureWebJobsStorage__blobServiceUri: z.url().optional(),
  AzureWebJobsStorage__queueServiceUri: z.url().optional(),
});
type StorageSettings = z.infer<typeof storageSettings>;

const identityStorageSettings = ['AzureWebJobsStorage__accountName', 'AzureWebJobsStorage__blobServiceUri', 'AzureWebJobsStorage__queueServiceUri'] as const;

export function checkStorageForm(env: StorageSettings, context: z.RefinementCtx): void {
  const identity = identityStorageSettings.some((name) => env[name] !== undefined);
  const connectionString = env.AzureWebJobsStorage !== undefined;
  const forms = 'AzureWebJobsStorage (a connection string) or AzureWebJobsStorage__accountName (managed identity)';
  if (identity && connectionString) context.addIssue({ code: 'custom', path: ['AzureWebJobsStorage'], message: `set ${forms}, not both` });
  else if (!identity && !connectionString) context.addIssue({ code: 'custom', path: ['AzureWebJobsStorage'], message: `set ${forms}` });
  else if (identity && env.AzureWebJobsStorage__accountName === undefined) {
    for (const uri of ['AzureWebJobsStorage__blobServiceUri', 'AzureWebJobsStorage__queueServiceUri'] as const) {
      if (env[uri] === undefined) context.addIssue({ code: 'custom', path: [uri], message: 'required without AzureWebJobsStorage__accountName' });
    }
  }
}

/** The storage form checkStorageForm accepted. */
export function storageOf(env: StorageSettings): StorageConfig {
  if (env.AzureWebJobsStorage) return { kind: 'connectionString', connectionString: env.AzureWebJobsStorage };
  const serviceUrl = (service: 'blob' | 'queue') => `https://${env.AzureWebJobsStorage__accountName}.${service}.core.windows.net`;
  return {
    kind: 'identity',
    blobServiceUrl: env.AzureWebJobsStorage__blobServiceUri ?? serviceUrl('blob'),
    queueServiceUrl: env.AzureWebJobsStorage__queueServiceUri ?? serviceUrl('queue'),
  };
}

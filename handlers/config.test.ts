import { describe, expect, it } from 'vitest';
import { offlineEnvironment } from '../test/support/offlineEnvironment.js';
import { ConfigError, loadConfig, type EngineEnvironment } from './config.js';

/** The offline settings with storage given only as `storage`. */
function withStorage(storage: EngineEnvironment): EngineEnvironment {
  return { ...offlineEnvironment({ AzureWebJobsStorage: undefined }), ...storage };
}

describe('[Hosting] storage settings', () => {
  it('[Hosting] a connection string (Azurite locally and in tests) is used as it is', () => {
    const config = loadConfig(offlineEnvironment({ AzureWebJobsStorage: 'UseDevelopmentStorage=true' }));

    expect(config.storage).toEqual({ kind: 'connectionString', connectionString: 'UseDevelopmentStorage=true' });
  });

  it("[Hosting] identity-based: the account name gives the account's blob and queue URLs", () => {
    const config = loadConfig(withStorage({ AzureWebJobsStorage__accountName: 'stmsenginedev' }));

    expect(config.storage).toEqual({
      kind: 'identity',
      blobServiceUrl: 'https://stmsenginedev.blob.core.windows.net',
      queueServiceUrl: 'https://stmsenginedev.queue.core.windows.net',
    });
  });

  it('[Hosting] identity-based: the service URIs override the URLs derived from the account name', () => {
    const blobOnly = loadConfig(withStorage({ AzureWebJobsStorage__accountName: 'stmsenginedev', AzureWebJobsStorage__blobServiceUri: 'https://blob.example.test' }));
    expect(blobOnly.storage).toEqual({
      kind: 'identity',
      blobServiceUrl: 'https://blob.example.test',
      queueServiceUrl: 'https://stmsenginedev.queue.core.windows.net',
    });

    const urisOnly = loadConfig(
      withStorage({ AzureWebJobsStorage__blobServiceUri: 'https://blob.example.test', AzureWebJobsStorage__queueServiceUri: 'https://queue.example.test' }),
    );
    expect(urisOnly.storage).toEqual({ kind: 'identity', blobServiceUrl: 'https://blob.example.test', queueServiceUrl: 'https://queue.example.test' });
  });

  it('[Hosting] neither form, both forms, or a URL the account name cannot give is refused, naming the settings', () => {
    const refusal = (environment: EngineEnvironment) => {
      try {
        loadConfig(environment);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('loadConfig accepted the settings');
    };

    expect(refusal(withStorage({}))).toMatch(/AzureWebJobsStorage: set AzureWebJobsStorage .* or AzureWebJobsStorage__accountName .*$/);
    expect(refusal(offlineEnvironment({ AzureWebJobsStorage__accountName: 'stmsenginedev' }))).toMatch(
      /AzureWebJobsStorage: set AzureWebJobsStorage .* or AzureWebJobsStorage__accountName .*, not both/,
    );
    expect(refusal(withStorage({ AzureWebJobsStorage__blobServiceUri: 'https://blob.example.test' }))).toContain(
      'AzureWebJobsStorage__queueServiceUri: required without AzureWebJobsStorage__accountName',
    );
    expect(refusal(withStorage({ AzureWebJobsStorage__accountName: 'https://evil.example/x' }))).toContain('AzureWebJobsStorage__accountName:');
  });
});

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

describe('[Leadflow] the TM vendor SFTP settings', () => {
  it('[Leadflow] a credential in PEM or OpenSSH armour is the private key, anything else the password', () => {
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';
    expect(loadConfig(offlineEnvironment({ TM_SFTP_CREDENTIAL: key })).telemarketingSftp).toMatchObject({ privateKey: key, port: 9, directory: '/' });
    expect(loadConfig(offlineEnvironment()).telemarketingSftp).not.toHaveProperty('privateKey');
    expect(loadConfig(offlineEnvironment()).telemarketingSftp).toMatchObject({ password: 'sftp-password', hostKeyFingerprint: `SHA256:${'A'.repeat(43)}` });
  });

  it('[Leadflow] a host key that is not an OpenSSH SHA256 fingerprint is refused, naming the setting', () => {
    expect(() => loadConfig(offlineEnvironment({ TM_SFTP_HOST_KEY: 'ssh-ed25519 AAAA' }))).toThrow(/TM_SFTP_HOST_KEY: SHA256:<43 base64 characters>/);
  });
});

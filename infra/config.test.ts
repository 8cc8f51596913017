import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultNamePrefix, readStackConfig } from './config.js';
import { mockAzure, testConfig, testSecrets, valueOf } from './testMocks.js';

const required = {
  'azure-native:location': testConfig['azure-native:location'],
  'ms-engine:ofApiUrl': testConfig['ms-engine:ofApiUrl'],
  'ms-engine:dataverseUrl': testConfig['ms-engine:dataverseUrl'],
  'ms-engine:dataverseTenantId': testConfig['ms-engine:dataverseTenantId'],
  'ms-engine:dataverseClientId': testConfig['ms-engine:dataverseClientId'],
  'ms-engine:drupalUrl': testConfig['ms-engine:drupalUrl'],
  'ms-engine:drupalUsername': testConfig['ms-engine:drupalUsername'],
  'ms-engine:bcApiUrl': testConfig['ms-engine:bcApiUrl'],
  'ms-engine:bcTenantId': testConfig['ms-engine:bcTenantId'],
  'ms-engine:bcClientId': testConfig['ms-engine:bcClientId'],
  'ms-engine:bcCompanyId': testConfig['ms-engine:bcCompanyId'],
  'ms-engine:bcJournalCode': testConfig['ms-engine:bcJournalCode'],
  'ms-engine:alertEmail': testConfig['ms-engine:alertEmail'],
  'ms-engine:staffAuthTenantId': testConfig['ms-engine:staffAuthTenantId'],
  'ms-engine:staffAuthClientId': testConfig['ms-engine:staffAuthClientId'],
  'ms-engine:tmSftpHost': testConfig['ms-engine:tmSftpHost'],
  'ms-engine:heroBaseApiUrl': testConfig['ms-engine:heroBaseApiUrl'],
  'ms-engine:tmSftpUsername': testConfig['ms-engine:tmSftpUsername'],
  'ms-engine:tmSftpHostKey': testConfig['ms-engine:tmSftpHostKey'],
};

function withConfig(extra: Record<string, string> = {}): void {
  pulumi.runtime.setAllConfig({ ...required, ...testSecrets, ...extra }, Object.keys(testSecrets));
}

describe('[Config] stack config', () => {
  beforeAll(async () => {
    await mockAzure();
  });

  it('[Config] the fourteen engine secrets are read as Pulumi secrets', async () => {
    withConfig();
    const config = readStackConfig();
    const secrets = {
      ofApiKey: config.onlineFundraising.apiKey,
      ofWebhookSecret: config.onlineFundraising.webhookSecret,
      dataverseClientSecret: config.dataverse.clientSecret,
      dataverseWebhookKey: config.dataverse.webhookKey,
      drupalPassword: config.drupal.password,
      drupalWebhookSecret: config.drupal.webhookSecret,
      preferenceLinkSecret: config.preferenceLinkSecret,
      acsEventsWebhookKey: config.acsEventsWebhookKey,
      bcClientSecret: config.businessCentral.clientSecret,
      cprEncryptionKeys: config.cpr.encryptionKeys,
      cprLookupKey: config.cpr.lookupKey,
      tmSftpCredential: config.telemarketingSftp.credential,
      heroBaseApiKey: config.heroBase.apiKey,
      heroBaseWebhookSecret: config.heroBase.webhookSecret,
    };

    for (const [key, output] of Object.entries(secrets)) {
      expect(await pulumi.isSecret(output), key).toBe(true);
      expect(await valueOf(output), key).toBe(testSecrets[`ms-engine:${key}` as keyof typeof testSecrets]);
    }
  });

  it('[Config] optional keys fall back to the dev-friendly, secure defaults', () => {
    withConfig();
    const config = readStackConfig();

    expect(config.storageSku).toBe('Standard_LRS');
    expect(config.cosmosDisableLocalAuth).toBe(true);
    expect(config.cosmosThroughput).toEqual({ mode: 'serverless' });
    expect(config.keyVault).toEqual({ purgeProtection: false, softDeleteRetentionInDays: 90 });
    expect(config.functionMaxInstances).toBe(40);
    expect(config.dataverse.authorityUrl).toBe('https://login.microsoftonline.com');
    expect(config.businessCentral).toMatchObject({ projectDimension: 'SAG', budgetLineDimension: 'SAGSOPGAVE' });
    expect(config.tags).toEqual({ project: 'ms-engine', stack: 'test' });
    expect(config.telemarketingSftp).toMatchObject({ port: 22, directory: '/' });
  });

  it('[Stack] resource names follow project and stack unless the stack sets its own prefix', () => {
    withConfig();
    expect(readStackConfig().namePrefix).toBe('msengine-test');
    expect(defaultNamePrefix('ms-engine', 'prod')).toBe('msengine-prod');
    expect(defaultNamePrefix('ms-engine', 'Staging')).toBe('msengine-staging');

    withConfig({ 'ms-engine:namePrefix': 'msdk-engine-dev' });
    expect(readStackConfig().namePrefix).toBe('msdk-engine-dev');
  });

  it('[Config] the sender address is optional (the stack\'s managed domain by default); the ACS connection string is no longer config', () => {
    withConfig();
    expect(readStackConfig().email).toEqual({});

    withConfig({ 'ms-engine:acsEmailSender': 'noreply@ms.dk', 'ms-engine:acsEmailConnectionString': 'ignored' });
    expect(readStackConfig().email).toEqual({ senderAddress: 'noreply@ms.dk' });
  });

  it('[Config] Cosmos DB is serverless unless the stack asks for autoscale throughput', () => {
    withConfig({ 'ms-engine:cosmosServerless': 'false' });
    expect(readStackConfig().cosmosThroughput).toEqual({ mode: 'autoscale', maxThroughput: 1000 });

    withConfig({ 'ms-engine:cosmosServerless': 'false', 'ms-engine:cosmosMaxThroughput': '4000' });
    expect(readStackConfig().cosmosThroughput).toEqual({ mode: 'autoscale', maxThroughput: 4000 });

    withConfig({ 'ms-engine:cosmosServerless': 'true', 'ms-engine:cosmosMaxThroughput': '4000' });
    expect(readStackConfig().cosmosThroughput).toEqual({ mode: 'serverless' });

    withConfig({ 'ms-engine:cosmosServerless': 'false', 'ms-engine:cosmosMaxThroughput': '1500' });
    expect(() => readStackConfig()).toThrow(/multiple of 1000/);
    withConfig({ 'ms-engine:cosmosServerless': 'false', 'ms-engine:cosmosMaxThroughput': '400' });
    expect(() => readStackConfig()).toThrow(/cosmosMaxThroughput/);
  });

  it('[Config] an unknown storage SKU or a missing required key stops the deployment', () => {
    withConfig({ 'ms-engine:storageSku': 'Premium_Fast' });
    expect(() => readStackConfig()).toThrow(/storageSku/);

    pulumi.runtime.setAllConfig({ ...testSecrets }, Object.keys(testSecrets));
    expect(() => readStackConfig()).toThrow(/location/);
  });
});

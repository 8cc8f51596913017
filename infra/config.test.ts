import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import { readStackConfig } from './config.js';
import { mockAzure, testConfig, testSecrets, valueOf } from './testMocks.js';

const required = {
  'azure-native:location': testConfig['azure-native:location'],
  'ms-engine:namePrefix': testConfig['ms-engine:namePrefix'],
  'ms-engine:ofApiUrl': testConfig['ms-engine:ofApiUrl'],
  'ms-engine:dataverseUrl': testConfig['ms-engine:dataverseUrl'],
  'ms-engine:dataverseTenantId': testConfig['ms-engine:dataverseTenantId'],
  'ms-engine:dataverseClientId': testConfig['ms-engine:dataverseClientId'],
  'ms-engine:acsEmailSender': testConfig['ms-engine:acsEmailSender'],
  'ms-engine:drupalUrl': testConfig['ms-engine:drupalUrl'],
  'ms-engine:drupalUsername': testConfig['ms-engine:drupalUsername'],
  'ms-engine:bcApiUrl': testConfig['ms-engine:bcApiUrl'],
  'ms-engine:bcTenantId': testConfig['ms-engine:bcTenantId'],
  'ms-engine:bcClientId': testConfig['ms-engine:bcClientId'],
  'ms-engine:bcCompanyId': testConfig['ms-engine:bcCompanyId'],
  'ms-engine:bcJournalCode': testConfig['ms-engine:bcJournalCode'],
};

function withConfig(extra: Record<string, string> = {}): void {
  pulumi.runtime.setAllConfig({ ...required, ...testSecrets, ...extra }, Object.keys(testSecrets));
}

describe('[Config] stack config', () => {
  beforeAll(async () => {
    await mockAzure();
  });

  it('[Config] the ten engine secrets are read as Pulumi secrets', async () => {
    withConfig();
    const config = readStackConfig();
    const secrets = {
      ofApiKey: config.onlineFundraising.apiKey,
      ofWebhookSecret: config.onlineFundraising.webhookSecret,
      dataverseClientSecret: config.dataverse.clientSecret,
      dataverseWebhookKey: config.dataverse.webhookKey,
      adminApiKey: config.adminApiKey,
      acsEmailConnectionString: config.email.connectionString,
      drupalPassword: config.drupal.password,
      drupalWebhookSecret: config.drupal.webhookSecret,
      preferenceLinkSecret: config.preferenceLinkSecret,
      bcClientSecret: config.businessCentral.clientSecret,
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
    expect(config.functionMaxInstances).toBe(40);
    expect(config.dataverse.authorityUrl).toBe('https://login.microsoftonline.com');
    expect(config.businessCentral).toMatchObject({ projectDimension: 'SAG', budgetLineDimension: 'SAGSOPGAVE' });
    expect(config.tags).toEqual({ project: 'ms-engine', stack: 'test' });
  });

  it('[Config] an unknown storage SKU or a missing required key stops the deployment', () => {
    withConfig({ 'ms-engine:storageSku': 'Premium_Fast' });
    expect(() => readStackConfig()).toThrow(/storageSku/);

    pulumi.runtime.setAllConfig({ ...testSecrets }, Object.keys(testSecrets));
    expect(() => readStackConfig()).toThrow(/location/);
  });
});

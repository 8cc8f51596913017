import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { functionAppSettings } from './compute.js';
import type { StackConfig } from './config.js';
import { engineSecrets, keyVaultSecretName, secretSettingNames, type SecretSettingName } from './secrets.js';
import { valueOf } from './testMocks.js';

const config: StackConfig = {
  location: 'swedencentral',
  namePrefix: 'msengine-test',
  storageSku: 'Standard_LRS',
  cosmosDisableLocalAuth: true,
  cosmosThroughput: { mode: 'serverless' },
  keyVault: { purgeProtection: false, softDeleteRetentionInDays: 7 },
  monitoring: { alertEmail: 'it@ms.dk', logRetentionDays: 30 },
  functionMaxInstances: 40,
  tags: {},
  onlineFundraising: {
    apiUrl: 'https://of.example.test/api',
    apiKey: pulumi.secret('of-api-key'),
    webhookSecret: pulumi.secret('of-webhook-secret'),
  },
  dataverse: {
    url: 'https://msdk-test.crm4.dynamics.com',
    tenantId: 'tenant',
    clientId: 'client',
    authorityUrl: 'https://login.microsoftonline.com',
    clientSecret: pulumi.secret('dataverse-client-secret'),
    webhookKey: pulumi.secret('dataverse-webhook-key'),
  },
  cpr: { encryptionKeys: pulumi.secret('{}'), lookupKey: pulumi.secret('key') },
  staffSignIn: { tenantId: 'tenant', issuer: 'https://login.microsoftonline.com/tenant/v2.0', clientId: 'engine-app' },
  email: {},
  drupal: { url: 'https://www.ms.dk', username: 'ms-engine', password: pulumi.secret('drupal-password'), webhookSecret: pulumi.secret('drupal-webhook-secret') },
  preferenceLinkSecret: pulumi.secret('preference-link-secret'),
  acsEventsWebhookKey: pulumi.secret('acs-events-webhook-key'),
  heroBase: { apiUrl: 'https://ms.herobase.example/api/v1', apiKey: pulumi.secret('herobase-key'), webhookSecret: pulumi.secret('herobase-webhook-secret') },
  telemarketingSftp: { host: 'sftp.tmpo.example', port: 22, username: 'ms-leads', hostKeyFingerprint: `SHA256:${'A'.repeat(43)}`, directory: '/', credential: pulumi.secret('tm-sftp-password') },
  businessCentral: {
    apiUrl: 'https://api.businesscentral.dynamics.com/v2.0/tenant/Test/api/v2.0',
    tenantId: 'tenant',
    clientId: 'client',
    clientSecret: pulumi.secret('bc-client-secret'),
    companyId: 'company',
    journalCode: 'MSENGINE',
    projectDimension: 'SAG',
    budgetLineDimension: 'SAGSOPGAVE',
  },
};

describe('[Secrets] Function App settings', () => {
  it('[Secrets] each secret setting is the Key Vault reference given for it; no setting carries a secret value', async () => {
    const secretReferences = Object.fromEntries(
      secretSettingNames.map((name) => [name, `@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/${name}/1)`]),
    ) as Record<SecretSettingName, string>;
    const settings = functionAppSettings({
      config,
      secretReferences,
      storageAccountName: 'stmsenginetest',
      cosmosEndpoint: 'https://cosmos.example.test:443/',
      cosmosDatabase: 'ms-engine',
      appInsightsConnectionString: 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
      publicUrl: 'https://func-ms-engine-test.azurewebsites.net',
      emailSenderAddress: 'DoNotReply@example.azurecomm.net',
      staffAuthAudience: 'engine-app',
    });

    const byName = Object.fromEntries(settings.map(({ name, value }) => [name, value]));
    for (const name of secretSettingNames) expect(byName[name], name).toBe(secretReferences[name]);
    for (const { name, value } of settings) {
      expect(await pulumi.isSecret(pulumi.output(value)), name).toBe(false);
    }
    // Storage is identity-based: the Functions host and the engine read the account name, not a connection string.
    expect(byName).toMatchObject({ AzureWebJobsStorage__accountName: 'stmsenginetest', AzureWebJobsStorage__credential: 'managedidentity' });
    expect(byName).not.toHaveProperty('AzureWebJobsStorage');
  });

  it('[Secrets] every secret of the stack config and the ACS connection string go to the vault; storage has no secret', async () => {
    const secrets = engineSecrets({ config, emailConnectionString: pulumi.secret('endpoint=https://acs.example/;accesskey=a2V5') });

    expect(Object.keys(secrets).sort()).toEqual([...secretSettingNames].sort());
    expect(secrets).not.toHaveProperty('AzureWebJobsStorage');
    expect(await valueOf(pulumi.output(secrets.DRUPAL_PASSWORD))).toBe('drupal-password');
    expect(await valueOf(pulumi.output(secrets.ACS_EMAIL_CONNECTION_STRING))).toBe('endpoint=https://acs.example/;accesskey=a2V5');
    expect(keyVaultSecretName('OF_WEBHOOK_SECRET')).toBe('of-webhook-secret');
  });
});

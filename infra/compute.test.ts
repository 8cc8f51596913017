import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { functionAppSettings } from './compute.js';
import type { StackConfig } from './config.js';

const config: StackConfig = {
  location: 'swedencentral',
  namePrefix: 'msengine-test',
  storageSku: 'Standard_LRS',
  cosmosDisableLocalAuth: true,
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
  adminApiKey: pulumi.secret('admin-api-key'),
  email: { connectionString: pulumi.secret('endpoint=https://acs.example/;accesskey=a2V5'), senderAddress: 'noreply@ms.dk' },
  drupal: { url: 'https://www.ms.dk', username: 'ms-engine', password: pulumi.secret('drupal-password'), webhookSecret: pulumi.secret('drupal-webhook-secret') },
  preferenceLinkSecret: pulumi.secret('preference-link-secret'),
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
  it('[Secrets] each secret setting is a Pulumi secret, even a storage connection string given in clear', async () => {
    const settings = functionAppSettings({
      config,
      storageConnectionString: 'AccountKey=in-clear',
      cosmosEndpoint: 'https://cosmos.example.test:443/',
      cosmosDatabase: 'ms-engine',
    });
    const secretNames = ['AzureWebJobsStorage', 'OF_API_KEY', 'OF_WEBHOOK_SECRET', 'DATAVERSE_CLIENT_SECRET', 'DATAVERSE_WEBHOOK_KEY', 'ADMIN_API_KEY', 'ACS_EMAIL_CONNECTION_STRING', 'DRUPAL_PASSWORD', 'DRUPAL_WEBHOOK_SECRET', 'PREFERENCE_LINK_SECRET', 'BC_CLIENT_SECRET'];

    for (const { name, value } of settings) {
      expect(await pulumi.isSecret(pulumi.output(value)), name).toBe(secretNames.includes(name));
    }
    expect(settings.map((s) => s.name)).toEqual(expect.arrayContaining(secretNames));
  });
});

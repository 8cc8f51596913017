import * as pulumi from '@pulumi/pulumi';

/** Storage redundancy the stack may choose; dev uses LRS, prod may want ZRS. */
export const storageSkus = [
  'Standard_LRS',
  'Standard_ZRS',
  'Standard_GRS',
  'Standard_RAGRS',
  'Standard_GZRS',
  'Standard_RAGZRS',
] as const;
export type StorageSku = (typeof storageSkus)[number];

export interface StackConfig {
  /** Azure region, the same value the azure-native provider uses (`azure-native:location`). */
  location: string;
  /** Prefix of every resource name, e.g. `msengine-dev`; see names.ts. */
  namePrefix: string;
  storageSku: StorageSku;
  /** When true, Cosmos DB only accepts Entra ID tokens (the Function App's managed identity), no keys. */
  cosmosDisableLocalAuth: boolean;
  /** Upper bound of Flex Consumption instances. */
  functionMaxInstances: number;
  tags: Record<string, string>;
  onlineFundraising: {
    apiUrl: string;
    apiKey: pulumi.Output<string>;
    webhookSecret: pulumi.Output<string>;
  };
  dataverse: {
    url: string;
    tenantId: string;
    clientId: string;
    authorityUrl: string;
    clientSecret: pulumi.Output<string>;
    /** The key Dataverse's webhook registration sends to the engine. */
    webhookKey: pulumi.Output<string>;
  };
  adminApiKey: pulumi.Output<string>;
  email: { connectionString: pulumi.Output<string>; senderAddress: string };
  /** MS's Drupal site: webform_rest with an API user's Basic auth, and the webhook signing secret. */
  drupal: { url: string; username: string; password: pulumi.Output<string>; webhookSecret: pulumi.Output<string> };
  /** Signs the preference-centre links in MS's mails. */
  preferenceLinkSecret: pulumi.Output<string>;
  /** Business Central (API v2.0, Entra app registration): where posting runs send journal lines. */
  businessCentral: {
    apiUrl: string;
    tenantId: string;
    clientId: string;
    clientSecret: pulumi.Output<string>;
    companyId: string;
    journalCode: string;
    projectDimension: string;
    budgetLineDimension: string;
  };
}

/** Reads the stack's config (`Pulumi.<stack>.yaml`) once; everything else receives the result. */
export function readStackConfig(): StackConfig {
  const config = new pulumi.Config();
  const provider = new pulumi.Config('azure-native');

  return {
    location: provider.require('location'),
    namePrefix: config.require('namePrefix'),
    storageSku: config.get<StorageSku>('storageSku', { allowedValues: [...storageSkus] }) ?? 'Standard_LRS',
    cosmosDisableLocalAuth: config.getBoolean('cosmosDisableLocalAuth') ?? true,
    functionMaxInstances: config.getNumber('functionMaxInstances', { min: 1, max: 1000 }) ?? 40,
    tags: { project: 'ms-engine', stack: pulumi.getStack() },
    onlineFundraising: {
      apiUrl: config.require('ofApiUrl'),
      apiKey: config.requireSecret('ofApiKey'),
      webhookSecret: config.requireSecret('ofWebhookSecret'),
    },
    dataverse: {
      url: config.require('dataverseUrl'),
      tenantId: config.require('dataverseTenantId'),
      clientId: config.require('dataverseClientId'),
      authorityUrl: config.get('dataverseAuthorityUrl') ?? 'https://login.microsoftonline.com',
      clientSecret: config.requireSecret('dataverseClientSecret'),
      webhookKey: config.requireSecret('dataverseWebhookKey'),
    },
    adminApiKey: config.requireSecret('adminApiKey'),
    email: { connectionString: config.requireSecret('acsEmailConnectionString'), senderAddress: config.require('acsEmailSender') },
    drupal: {
      url: config.require('drupalUrl'),
      username: config.require('drupalUsername'),
      password: config.requireSecret('drupalPassword'),
      webhookSecret: config.requireSecret('drupalWebhookSecret'),
    },
    preferenceLinkSecret: config.requireSecret('preferenceLinkSecret'),
    businessCentral: {
      apiUrl: config.require('bcApiUrl'),
      tenantId: config.require('bcTenantId'),
      clientId: config.require('bcClientId'),
      clientSecret: config.requireSecret('bcClientSecret'),
      companyId: config.require('bcCompanyId'),
      journalCode: config.require('bcJournalCode'),
      projectDimension: config.get('bcProjectDimension') ?? 'SAG',
      budgetLineDimension: config.get('bcBudgetLineDimension') ?? 'SAGSOPGAVE',
    },
  };
}

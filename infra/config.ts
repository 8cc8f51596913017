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
  /** Prefix of every resource name: `<project>-<stack>` without the project's hyphens (`msengine-dev`) unless the stack sets one; see names.ts. */
  namePrefix: string;
  storageSku: StorageSku;
  /** When true, Cosmos DB only accepts Entra ID tokens (the Function App's managed identity), no keys. */
  cosmosDisableLocalAuth: boolean;
  /**
   * Cosmos DB capacity: serverless (billed per request; dev and test) or autoscale throughput shared
   * by the database's containers, scaling between 10 % of `maxThroughput` and `maxThroughput` RU/s (prod).
   */
  cosmosThroughput: { mode: 'serverless' } | { mode: 'autoscale'; maxThroughput: number };
  /** The secrets vault: purge protection (prod; irreversible) and how long deleted secrets are kept (7–90 days, fixed at creation). */
  keyVault: { purgeProtection: boolean; softDeleteRetentionInDays: number };
  /** Where alerts are mailed, and how long Log Analytics keeps logs (30–730 days). */
  monitoring: { alertEmail: string; logRetentionDays: number };
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
  /**
   * [Brugerrettigheder] Staff sign-in: MS's Entra ID tenant and, when MS's IT made the engine's app
   * registration by hand, its client id (the audience of staff tokens); without it the program creates
   * the registration (staffSignIn.ts). See infra/README.md "Staff sign-in".
   */
  staffSignIn: { tenantId: string; issuer: string; clientId?: string };
  /** [KomMed-GDPR] The CPR keys (Key Vault secrets): the keyring JSON and the lookup-hash key. */
  cpr: { encryptionKeys: pulumi.Output<string>; lookupKey: pulumi.Output<string> };
  /**
   * The engine's own mails go through the stack's Azure Communication Services (email.ts); its
   * connection string is derived. `senderAddress` overrides the default `DoNotReply@<managed domain>`.
   */
  email: { senderAddress?: string };
  /** MS's Drupal site: webform_rest with an API user's Basic auth, and the webhook signing secret. */
  drupal: { url: string; username: string; password: pulumi.Output<string>; webhookSecret: pulumi.Output<string> };
  /** Signs the preference-centre links in MS's mails. */
  preferenceLinkSecret: pulumi.Output<string>;
  /** The key Event Grid adds to every delivery of ACS's mail events (a secret delivery attribute); the engine checks it. */
  acsEventsWebhookKey: pulumi.Output<string>;
  /** The engine's public URL when it is not the Function App's default host name (a custom domain). */
  publicUrl?: string;
  /**
   * [Leadflow] The telemarketing vendor's SFTP server for the nightly lead files: host, port, user, its
   * host key's fingerprint ("SHA256:…", pinned), the folder, and the credential (password or private key).
   */
  /** [Dialer1] HeroBase's API root and key, and the secret its webhooks to the engine are signed with. */
  heroBase: { apiUrl: string; apiKey: pulumi.Output<string>; webhookSecret: pulumi.Output<string> };
  telemarketingSftp: { host: string; port: number; username: string; hostKeyFingerprint: string; directory: string; credential: pulumi.Output<string> };
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
    namePrefix: config.get('namePrefix') ?? defaultNamePrefix(pulumi.getProject(), pulumi.getStack()),
    storageSku: config.get<StorageSku>('storageSku', { allowedValues: [...storageSkus] }) ?? 'Standard_LRS',
    cosmosDisableLocalAuth: config.getBoolean('cosmosDisableLocalAuth') ?? true,
    cosmosThroughput: readCosmosThroughput(config),
    keyVault: {
      purgeProtection: config.getBoolean('keyVaultPurgeProtection') ?? false,
      softDeleteRetentionInDays: config.getNumber('keyVaultSoftDeleteDays', { min: 7, max: 90 }) ?? 90,
    },
    monitoring: {
      alertEmail: config.require('alertEmail'),
      logRetentionDays: config.getNumber('logRetentionDays', { min: 30, max: 730 }) ?? 30,
    },
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
    staffSignIn: readStaffSignIn(config),
    cpr: { encryptionKeys: config.requireSecret('cprEncryptionKeys'), lookupKey: config.requireSecret('cprLookupKey') },
    email: readEmail(config),
    drupal: {
      url: config.require('drupalUrl'),
      username: config.require('drupalUsername'),
      password: config.requireSecret('drupalPassword'),
      webhookSecret: config.requireSecret('drupalWebhookSecret'),
    },
    preferenceLinkSecret: config.requireSecret('preferenceLinkSecret'),
    acsEventsWebhookKey: config.requireSecret('acsEventsWebhookKey'),
    ...(config.get('publicUrl') && { publicUrl: config.get('publicUrl')! }),
    heroBase: { apiUrl: config.require('heroBaseApiUrl'), apiKey: config.requireSecret('heroBaseApiKey'), webhookSecret: config.requireSecret('heroBaseWebhookSecret') },
    telemarketingSftp: {
      host: config.require('tmSftpHost'),
      port: config.getNumber('tmSftpPort', { min: 1, max: 65535 }) ?? 22,
      username: config.require('tmSftpUsername'),
      hostKeyFingerprint: config.require('tmSftpHostKey', { pattern: /^SHA256:[A-Za-z0-9+/]{43}$/ }),
      directory: config.get('tmSftpDirectory') ?? '/',
      credential: config.requireSecret('tmSftpCredential'),
    },
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

/**
 * Names follow project and stack, so two stacks never collide: `ms-engine` + `dev` → `msengine-dev`.
 * A stack sets `namePrefix` only when a global name (storage, Key Vault, app) is taken by someone else.
 */
export function defaultNamePrefix(project: string, stack: string): string {
  return `${project.replaceAll('-', '')}-${stack}`.toLowerCase();
}

/** `cosmosServerless` (default true); when false, `cosmosMaxThroughput` (autoscale, 1000–1000000 RU/s in steps of 1000). */
function readCosmosThroughput(config: pulumi.Config): StackConfig['cosmosThroughput'] {
  if (config.getBoolean('cosmosServerless') ?? true) return { mode: 'serverless' };
  const maxThroughput = config.getNumber('cosmosMaxThroughput', { min: 1000, max: 1_000_000 }) ?? 1000;
  if (maxThroughput % 1000 !== 0) {
    throw new Error(`ms-engine:cosmosMaxThroughput must be a multiple of 1000 RU/s, got ${maxThroughput}`);
  }
  return { mode: 'autoscale', maxThroughput };
}

/** `acsEmailSender` is optional now; `acsEmailConnectionString` is no longer read (the program derives it). */
function readEmail(config: pulumi.Config): StackConfig['email'] {
  const senderAddress = config.get('acsEmailSender');
  return senderAddress ? { senderAddress } : {};
}

function readStaffSignIn(config: pulumi.Config): StackConfig['staffSignIn'] {
  const tenantId = config.require('staffAuthTenantId');
  const clientId = config.get('staffAuthClientId');
  return { tenantId, issuer: `https://login.microsoftonline.com/${tenantId}/v2.0`, ...(clientId && { clientId }) };
}

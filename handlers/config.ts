import { z } from 'zod';
import type { BusinessCentralJournalOptions } from '../adapters/businesscentral/BusinessCentralJournal.js';
import type { CosmosConfig } from '../adapters/cosmos/cosmosClient.js';
import type { SftpDropOptions } from '../adapters/sftp/SftpFileDrop.js';
import type { StorageConfig } from '../adapters/storage/storageClients.js';
import { checkStorageForm, storageOf, storageSettings } from './storageSettings.js';

/**
 * The engine's settings, read once from the environment at start and passed down; nothing else
 * reads env. Names are the Function App's app settings (infra/ sets them).
 */
const environmentSchema = z.object({
  COSMOS_ENDPOINT: z.url(),
  COSMOS_KEY: z.string().min(1).optional(),
  COSMOS_DATABASE: z.string().min(1).default('ms-engine'),
  ...storageSettings.shape,
  OF_API_URL: z.url(),
  OF_API_KEY: z.string().min(1),
  OF_WEBHOOK_SECRET: z.string().min(16),
  OF_WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().positive().default(300),
  DATAVERSE_URL: z.url(),
  DATAVERSE_AUTHORITY_URL: z.url().default('https://login.microsoftonline.com'),
  DATAVERSE_TENANT_ID: z.string().min(1),
  DATAVERSE_CLIENT_ID: z.string().min(1),
  DATAVERSE_CLIENT_SECRET: z.string().min(1),
  /** The key Dataverse's webhook registration sends (header or `code` query parameter). */
  DATAVERSE_WEBHOOK_KEY: z.string().min(16),
  /**
   * [Brugerrettigheder] Staff sign-in: Entra ID's v2.0 issuer of MS's tenant
   * (https://login.microsoftonline.com/<tenant>/v2.0), the tenant id, and the engine app
   * registration's client id, which staff tokens carry as audience.
   */
  STAFF_AUTH_ISSUER: z.url(),
  STAFF_AUTH_TENANT_ID: z.guid(),
  STAFF_AUTH_AUDIENCE: z.string().min(1),
  /**
   * [KomMed-GDPR] CPR numbers are sealed with these keys (Key Vault secrets): the keyring as JSON
   * `{"current":"<version>","keys":{"<version>":"<base64 of 32 bytes>",...}}`, and the key of the
   * lookup hash (base64, at least 32 bytes; it never rotates).
   */
  CPR_ENCRYPTION_KEYS: z.string().transform((text, context) => {
    if (isKeyVaultReference(text)) return text;
    const keyring = cprKeyringSchema.safeParse((() => { try { return JSON.parse(text); } catch { return undefined; } })());
    if (!keyring.success) {
      context.addIssue({ code: 'custom', message: 'JSON {"current": version, "keys": {version: base64 key}} with the current version among the keys' });
      return z.NEVER;
    }
    return keyring.data;
  }),
  CPR_LOOKUP_KEY: z.union([z.string().refine(isKeyVaultReference), z.base64().refine((key) => Buffer.from(key, 'base64').length >= 32, 'at least 32 bytes, base64')]),
  STAFF_AUTH_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(120),
  /** Azure Communication Services Email: connection string and the verified sender address. */
  ACS_EMAIL_CONNECTION_STRING: z.string().min(1),
  ACS_EMAIL_SENDER: z.email(),
  /** MS's Drupal site (webform_rest, Basic auth of an API user) and the secret its webhooks are signed with. */
  DRUPAL_URL: z.url(),
  DRUPAL_USERNAME: z.string().min(1),
  DRUPAL_PASSWORD: z.string().min(1),
  DRUPAL_WEBHOOK_SECRET: z.string().min(16),
  /**
   * Business Central's API v2.0 for the company's environment, e.g.
   * https://api.businesscentral.dynamics.com/v2.0/<tenant>/<environment>/api/v2.0, reached with an
   * Entra app registration (client credentials); posting runs write to the journal named here.
   */
  BC_API_URL: z.url(),
  BC_AUTHORITY_URL: z.url().default('https://login.microsoftonline.com'),
  BC_TENANT_ID: z.string().min(1),
  BC_CLIENT_ID: z.string().min(1),
  BC_CLIENT_SECRET: z.string().min(1),
  BC_COMPANY_ID: z.string().min(1),
  BC_JOURNAL_CODE: z.string().min(1).max(10),
  /** BC's dimension codes for project (sag) and budget line (sagsopgave). */
  BC_PROJECT_DIMENSION: z.string().min(1).max(20).default('SAG'),
  BC_BUDGET_LINE_DIMENSION: z.string().min(1).max(20).default('SAGSOPGAVE'),
  /** Signs the preference-centre links in MS's mails (HS256); changing it voids links already sent. */
  PREFERENCE_LINK_SECRET: z.string().min(32),
  /** The key Event Grid puts in the `X-Engine-Event-Key` header of every delivery of ACS's mail events. */
  ACS_EVENTS_WEBHOOK_KEY: z.string().min(32),
  /** Where the engine is reached from outside (the one-click unsubscribe link in mails points at it). */
  PUBLIC_URL: z.url().default('http://127.0.0.1:7071'),
  /** The preference-centre page behind `{{ preference_link }}` (ms.dk's page, calling the engine); the engine's own JSON page when not set. */
  PREFERENCE_PAGE_URL: z.url().optional(),
  /**
   * [Leadflow] The telemarketing vendor's SFTP server for the nightly lead files: host, port, user, the
   * host key's fingerprint as `ssh-keygen -lf` prints it ("SHA256:…", pinned), the folder files go to,
   * and the credential (Key Vault): a password, or a private key in OpenSSH or PEM form.
   */
  TM_SFTP_HOST: z.string().min(1),
  TM_SFTP_PORT: z.coerce.number().int().min(1).max(65535).default(22),
  TM_SFTP_USERNAME: z.string().min(1),
  TM_SFTP_HOST_KEY: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'SHA256:<43 base64 characters>, as ssh-keygen -lf prints it'),
  TM_SFTP_DIRECTORY: z.string().startsWith('/').default('/'),
  TM_SFTP_CREDENTIAL: z.string().min(1),
  /**
   * [Dialer1] HeroBase's API root (e.g. https://<tenant>.herobase.com/api/v1) and key, and the secret
   * HeroBase's webhooks to the engine are signed with.
   */
  HEROBASE_API_URL: z.url(),
  HEROBASE_API_KEY: z.string().min(1),
  HEROBASE_WEBHOOK_SECRET: z.string().min(16),
}).superRefine(checkStorageForm);

/** The app settings as text, the way the Functions runtime hands them over. */
/** App Service hands a Key Vault reference on as it is when it cannot read the secret: the readiness check reports it. */
function isKeyVaultReference(value: string): boolean {
  return value.startsWith('@Microsoft.KeyVault(');
}

const cprKeyringSchema = z
  .object({ current: z.string().min(1).max(50), keys: z.record(z.string().min(1).max(50), z.base64().refine((key) => Buffer.from(key, 'base64').length === 32, '32 bytes, base64')) })
  .refine((keyring) => keyring.current in keyring.keys, 'the current version must be one of the keys');

export type EngineEnvironment = Partial<Record<keyof z.infer<typeof environmentSchema>, string>>;

export interface EngineConfig {
  cosmos: CosmosConfig;
  storage: StorageConfig;
  onlineFundraising: { apiUrl: string; apiKey: string; webhookSecret: string; webhookToleranceSeconds: number };
  dataverse: { orgUrl: string; authorityUrl: string; tenantId: string; clientId: string; clientSecret: string; webhookKey: string };
  staffSignIn: { issuer: string; tenantId: string; audience: string; clockToleranceSeconds: number };
  /** The CPR keys; a Key Vault reference left unresolved stays a string (the readiness check names it). */
  cpr: { keyring: { current: string; keys: Record<string, string> } | string; lookupKey: string };
  email: { connectionString: string; senderAddress: string; eventsWebhookKey: string };
  drupal: { url: string; username: string; password: string; webhookSecret: string };
  preferenceLinkSecret: string;
  /** The links in messages: the preference page and the one-click unsubscribe. */
  links: { preferencePageUrl: string; unsubscribeUrl: string };
  businessCentral: BusinessCentralConfig;
  telemarketingSftp: TelemarketingSftpConfig;
  heroBase: { apiUrl: string; apiKey: string; webhookSecret: string };
}

/** Where the nightly lead files go: the SFTP drop's settings, with the credential read as a password or a key. */
export type TelemarketingSftpConfig = Omit<SftpDropOptions, 'timeoutMs'>;

/** The journal adapter's settings, all given (the environment's defaults apply). */
export type BusinessCentralConfig = Required<Omit<BusinessCentralJournalOptions, 'retryPolicy' | 'sleep'>>;

export class ConfigError extends Error {}

export function loadConfig(environment: Record<string, string | undefined>): EngineConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid engine settings: ${fields.join('; ')}`);
  }
  const env = parsed.data;
  return {
    cosmos: { endpoint: env.COSMOS_ENDPOINT, database: env.COSMOS_DATABASE, ...(env.COSMOS_KEY && { key: env.COSMOS_KEY }) },
    storage: storageOf(env),
    onlineFundraising: {
      apiUrl: env.OF_API_URL,
      apiKey: env.OF_API_KEY,
      webhookSecret: env.OF_WEBHOOK_SECRET,
      webhookToleranceSeconds: env.OF_WEBHOOK_TOLERANCE_SECONDS,
    },
    dataverse: {
      orgUrl: env.DATAVERSE_URL,
      authorityUrl: env.DATAVERSE_AUTHORITY_URL,
      tenantId: env.DATAVERSE_TENANT_ID,
      clientId: env.DATAVERSE_CLIENT_ID,
      clientSecret: env.DATAVERSE_CLIENT_SECRET,
      webhookKey: env.DATAVERSE_WEBHOOK_KEY,
    },
    staffSignIn: {
      issuer: env.STAFF_AUTH_ISSUER,
      tenantId: env.STAFF_AUTH_TENANT_ID,
      audience: env.STAFF_AUTH_AUDIENCE,
      clockToleranceSeconds: env.STAFF_AUTH_CLOCK_SKEW_SECONDS,
    },
    cpr: { keyring: env.CPR_ENCRYPTION_KEYS, lookupKey: env.CPR_LOOKUP_KEY },
    email: { connectionString: env.ACS_EMAIL_CONNECTION_STRING, senderAddress: env.ACS_EMAIL_SENDER, eventsWebhookKey: env.ACS_EVENTS_WEBHOOK_KEY },
    drupal: { url: env.DRUPAL_URL, username: env.DRUPAL_USERNAME, password: env.DRUPAL_PASSWORD, webhookSecret: env.DRUPAL_WEBHOOK_SECRET },
    preferenceLinkSecret: env.PREFERENCE_LINK_SECRET,
    links: linksOf(env.PUBLIC_URL, env.PREFERENCE_PAGE_URL),
    businessCentral: {
      apiUrl: env.BC_API_URL,
      authorityUrl: env.BC_AUTHORITY_URL,
      tenantId: env.BC_TENANT_ID,
      clientId: env.BC_CLIENT_ID,
      clientSecret: env.BC_CLIENT_SECRET,
      companyId: env.BC_COMPANY_ID,
      journalCode: env.BC_JOURNAL_CODE,
      projectDimension: env.BC_PROJECT_DIMENSION,
      budgetLineDimension: env.BC_BUDGET_LINE_DIMENSION,
    },
    telemarketingSftp: {
      host: env.TM_SFTP_HOST,
      port: env.TM_SFTP_PORT,
      username: env.TM_SFTP_USERNAME,
      hostKeyFingerprint: env.TM_SFTP_HOST_KEY,
      directory: env.TM_SFTP_DIRECTORY,
      ...sftpCredential(env.TM_SFTP_CREDENTIAL),
    },
    heroBase: { apiUrl: env.HEROBASE_API_URL, apiKey: env.HEROBASE_API_KEY, webhookSecret: env.HEROBASE_WEBHOOK_SECRET },
  };
}

/** A private key starts with its PEM or OpenSSH armour; anything else is the password. */
function sftpCredential(credential: string): { password: string } | { privateKey: string } {
  return credential.trimStart().startsWith('-----BEGIN ') ? { privateKey: credential } : { password: credential };
}

function linksOf(publicUrl: string, preferencePageUrl: string | undefined): EngineConfig['links'] {
  const base = publicUrl.replace(/\/+$/, '');
  return { preferencePageUrl: preferencePageUrl ?? `${base}/preferences`, unsubscribeUrl: `${base}/preferences/unsubscribe` };
}

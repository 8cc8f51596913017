import * as pulumi from '@pulumi/pulumi';
import * as keyvault from '@pulumi/azure-native/keyvault/index.js';
import type { StackConfig } from './config.js';
import type { ResourceNames } from './names.js';

/** The app settings whose values are secrets: each is a Key Vault secret, the setting only refers to it. */
export const secretSettingNames = [
  'OF_API_KEY',
  'OF_WEBHOOK_SECRET',
  'DATAVERSE_CLIENT_SECRET',
  'DATAVERSE_WEBHOOK_KEY',
  'ACS_EMAIL_CONNECTION_STRING',
  'DRUPAL_PASSWORD',
  'DRUPAL_WEBHOOK_SECRET',
  'PREFERENCE_LINK_SECRET',
  'ACS_EVENTS_WEBHOOK_KEY',
  'BC_CLIENT_SECRET',
  'CPR_ENCRYPTION_KEYS',
  'CPR_LOOKUP_KEY',
  'TM_SFTP_CREDENTIAL',
  'HEROBASE_API_KEY',
  'HEROBASE_WEBHOOK_SECRET',
] as const;
export type SecretSettingName = (typeof secretSettingNames)[number];

export interface SecretInputs {
  config: StackConfig;
  /** Connection string of Azure Communication Services (Email). */
  emailConnectionString: pulumi.Input<string>;
}

/** Each secret app setting's value: the stack's config secrets and the ACS connection string the program derives. */
export function engineSecrets({ config, emailConnectionString }: SecretInputs): Record<SecretSettingName, pulumi.Input<string>> {
  return {
    OF_API_KEY: config.onlineFundraising.apiKey,
    OF_WEBHOOK_SECRET: config.onlineFundraising.webhookSecret,
    DATAVERSE_CLIENT_SECRET: config.dataverse.clientSecret,
    DATAVERSE_WEBHOOK_KEY: config.dataverse.webhookKey,
    ACS_EMAIL_CONNECTION_STRING: emailConnectionString,
    DRUPAL_PASSWORD: config.drupal.password,
    DRUPAL_WEBHOOK_SECRET: config.drupal.webhookSecret,
    PREFERENCE_LINK_SECRET: config.preferenceLinkSecret,
    ACS_EVENTS_WEBHOOK_KEY: config.acsEventsWebhookKey,
    BC_CLIENT_SECRET: config.businessCentral.clientSecret,
    CPR_ENCRYPTION_KEYS: config.cpr.encryptionKeys,
    CPR_LOOKUP_KEY: config.cpr.lookupKey,
    TM_SFTP_CREDENTIAL: config.telemarketingSftp.credential,
    HEROBASE_API_KEY: config.heroBase.apiKey,
    HEROBASE_WEBHOOK_SECRET: config.heroBase.webhookSecret,
  };
}

/** Key Vault secret names allow letters, digits and hyphens: `OF_API_KEY` → `of-api-key`. */
export function keyVaultSecretName(setting: SecretSettingName): string {
  return setting.toLowerCase().replaceAll('_', '-');
}

/** `@Microsoft.KeyVault(SecretUri=…)`: App Service reads the secret with the app's identity and hands the value to the engine. */
export function keyVaultReference(secretUri: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.interpolate`@Microsoft.KeyVault(SecretUri=${secretUri})`;
}

export interface SecretsVault {
  vault: keyvault.Vault;
  /** The app setting value for each secret setting: a Key Vault reference to that secret's current version. */
  references: Record<SecretSettingName, pulumi.Output<string>>;
}

/**
 * The stack's Key Vault (RBAC authorisation: nobody reads secrets without a role on the vault) with
 * one secret per secret app setting. Pulumi writes the secrets through Azure Resource Manager, so the
 * deploying account needs no data-plane role. References name the secret's version, so a changed
 * secret changes the app setting and the Function App restarts with the new value.
 */
export function createSecretsVault(
  config: StackConfig,
  names: ResourceNames,
  resourceGroupName: pulumi.Input<string>,
  tenantId: pulumi.Input<string>,
  secrets: Record<SecretSettingName, pulumi.Input<string>>,
): SecretsVault {
  const vault = new keyvault.Vault('secrets', {
    vaultName: names.keyVault,
    resourceGroupName,
    location: config.location,
    properties: {
      tenantId,
      sku: { family: 'A', name: 'standard' },
      enableRbacAuthorization: true,
      enableSoftDelete: true,
      softDeleteRetentionInDays: config.keyVault.softDeleteRetentionInDays,
      // Purge protection cannot be switched off again, and Azure refuses an explicit `false`: omit it then.
      ...(config.keyVault.purgeProtection && { enablePurgeProtection: true }),
    },
    tags: config.tags,
  });

  const references = Object.fromEntries(
    secretSettingNames.map((setting) => {
      const secret = new keyvault.Secret(keyVaultSecretName(setting), {
        secretName: keyVaultSecretName(setting),
        vaultName: vault.name,
        resourceGroupName,
        properties: { value: pulumi.secret(secrets[setting]) },
        tags: config.tags,
      });
      return [setting, keyVaultReference(secret.properties.secretUriWithVersion)];
    }),
  ) as Record<SecretSettingName, pulumi.Output<string>>;

  return { vault, references };
}

import { createHash } from 'node:crypto';

/**
 * Azure names of the stack's resources, derived from the stack's `namePrefix` with the usual
 * abbreviations (rg-, st, cosmos-, asp-, func-, kv-, log-, appi-, ag-, acs-). Storage accounts, Cosmos
 * accounts, Key Vaults, Communication Services and Function Apps are named in a global DNS namespace,
 * so the prefix must be unique to MS (e.g. `msengine-dev`); it has at most 21 characters.
 */
export interface ResourceNames {
  resourceGroup: string;
  storageAccount: string;
  cosmosAccount: string;
  functionPlan: string;
  functionApp: string;
  keyVault: string;
  logAnalytics: string;
  appInsights: string;
  actionGroup: string;
  communicationService: string;
  emailService: string;
}

const prefixPattern = /^[a-z][a-z0-9-]*[a-z0-9]$/;

export function resourceNames(prefix: string): ResourceNames {
  if (!prefixPattern.test(prefix) || prefix.includes('--')) {
    throw new Error(
      `namePrefix '${prefix}' must be lowercase letters, digits and single hyphens, starting with a letter`,
    );
  }
  // A storage account name is 3–24 lowercase letters and digits, no hyphens.
  const storageAccount = `st${prefix.replaceAll('-', '')}`;
  if (storageAccount.length > 24) {
    throw new Error(`namePrefix '${prefix}' is too long: storage account name '${storageAccount}' exceeds 24 characters`);
  }
  // A Key Vault name is 3–24 letters, digits and hyphens, and global like the storage account's.
  const keyVault = `kv-${prefix}`;
  if (keyVault.length > 24) {
    throw new Error(`namePrefix '${prefix}' is too long: Key Vault name '${keyVault}' exceeds 24 characters`);
  }
  return {
    resourceGroup: `rg-${prefix}`,
    storageAccount,
    cosmosAccount: `cosmos-${prefix}`,
    functionPlan: `asp-${prefix}`,
    functionApp: `func-${prefix}`,
    keyVault,
    logAnalytics: `log-${prefix}`,
    appInsights: `appi-${prefix}`,
    actionGroup: `ag-${prefix}`,
    communicationService: `acs-${prefix}`,
    emailService: `acs-email-${prefix}`,
  };
}

/**
 * A stable GUID (UUID v5 layout) from the given parts: Azure wants GUIDs as names of role
 * assignments, and the same parts must give the same name on every `pulumi up`.
 */
export function guidFrom(...parts: string[]): string {
  const bytes = createHash('sha1').update(parts.join('/')).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

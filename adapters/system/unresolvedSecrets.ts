/**
 * The settings that still hold a Key Vault reference (`@Microsoft.KeyVault(...)`): App Service
 * passes the reference itself on when it cannot read the secret (no access, a deleted secret), so a
 * setting that looks like one means Key Vault failed the engine. Named by their path in the config.
 */
export function unresolvedKeyVaultReferences(config: unknown, path = ''): string[] {
  if (typeof config === 'string') return config.startsWith('@Microsoft.KeyVault(') ? [path] : [];
  if (!config || typeof config !== 'object') return [];
  return Object.entries(config).flatMap(([key, value]) => unresolvedKeyVaultReferences(value, path ? `${path}.${key}` : key));
}

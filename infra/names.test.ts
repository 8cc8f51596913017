import { describe, expect, it } from 'vitest';
import { guidFrom, resourceNames } from './names.js';

describe('[Names] resource names', () => {
  it('[Names] names follow the prefix with Azure abbreviations; the storage account has no hyphens', () => {
    expect(resourceNames('msengine-prod')).toEqual({
      resourceGroup: 'rg-msengine-prod',
      storageAccount: 'stmsengineprod',
      cosmosAccount: 'cosmos-msengine-prod',
      functionPlan: 'asp-msengine-prod',
      functionApp: 'func-msengine-prod',
      keyVault: 'kv-msengine-prod',
      logAnalytics: 'log-msengine-prod',
      appInsights: 'appi-msengine-prod',
      actionGroup: 'ag-msengine-prod',
      communicationService: 'acs-msengine-prod',
      emailService: 'acs-email-msengine-prod',
    });
  });

  it('[Names] a prefix Azure would refuse is rejected before deployment', () => {
    expect(() => resourceNames('MSEngine-dev')).toThrow(/lowercase/);
    expect(() => resourceNames('msengine--dev')).toThrow(/single hyphens/);
    expect(() => resourceNames('msengine-dev-')).toThrow(/lowercase/);
    expect(() => resourceNames('msengine-development-stack')).toThrow(/24 characters/);
    expect(() => resourceNames('a2345678-0123456789-12')).toThrow(/Key Vault name/);
    expect(resourceNames('a23456789012345678901').storageAccount).toHaveLength(23);
    expect(resourceNames('a23456789012345678901').keyVault).toHaveLength(24);
  });

  it('[Names] role assignment GUIDs are stable for the same parts and differ otherwise', () => {
    const guid = guidFrom('cosmos-msengine-dev', 'principal', 'role');

    expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(guidFrom('cosmos-msengine-dev', 'principal', 'role')).toBe(guid);
    expect(guidFrom('cosmos-msengine-dev', 'other principal', 'role')).not.toBe(guid);
  });
});

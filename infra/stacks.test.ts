import { describe, expect, it } from 'vitest';
import { runProgram, stackFileConfig, testConfig, withSecretsOpened, type RecordedResource } from './testMocks.js';

const stacks = ['dev', 'test', 'prod'] as const;
type Stack = (typeof stacks)[number];

/** Keys a stack file sets itself; the rest (URLs, ids) IT sets per stack, here the test values. */
const perStackKeys = ['azure-native:location', 'ms-engine:namePrefix', 'ms-engine:storageSku', 'ms-engine:cosmosDisableLocalAuth', 'ms-engine:functionMaxInstances'];

async function deploy(stack: Stack): Promise<RecordedResource[]> {
  const itSets = Object.fromEntries(Object.entries(testConfig).filter(([key]) => !perStackKeys.includes(key)));
  const { recorded } = await runProgram({ stack, config: { ...itSets, ...stackFileConfig(stack) } });
  return recorded;
}

type Inputs = Record<string, any>;

function one(recorded: RecordedResource[], type: string): Inputs {
  const found = recorded.filter((r) => r.type === type);
  expect(found, type).toHaveLength(1);
  return withSecretsOpened(found[0]!.inputs) as Inputs;
}

/** What differs between stacks, read from what each stack would create. */
function shape(recorded: RecordedResource[]) {
  const cosmos = one(recorded, 'azure-native:cosmosdb:DatabaseAccount');
  const database = one(recorded, 'azure-native:cosmosdb:SqlResourceSqlDatabase');
  const storage = one(recorded, 'azure-native:storage:StorageAccount');
  const app = one(recorded, 'azure-native:web:WebApp');
  const vault = one(recorded, 'azure-native:keyvault:Vault')['properties'];
  const logs = one(recorded, 'azure-native:operationalinsights:Workspace');
  return {
    resourceGroup: one(recorded, 'azure-native:resources:ResourceGroup')['resourceGroupName'],
    location: storage['location'],
    cosmosCapabilities: cosmos['capabilities'],
    cosmosDatabaseOptions: database['options'],
    cosmosDisableLocalAuth: cosmos['disableLocalAuth'],
    storageSku: storage['sku'].name,
    maxInstances: app['functionAppConfig'].scaleAndConcurrency.maximumInstanceCount,
    logRetentionDays: logs['retentionInDays'],
    keyVault: { rbac: vault.enableRbacAuthorization, softDelete: vault.enableSoftDelete, softDeleteDays: vault.softDeleteRetentionInDays, purgeProtection: vault.enablePurgeProtection },
  };
}

describe('[Stacks] dev, test and prod from their Pulumi.<stack>.yaml', () => {
  it('[Stacks] each stack file is complete enough to deploy, and the stacks differ only where their files say', async () => {
    const recorded: Record<Stack, RecordedResource[]> = { dev: await deploy('dev'), test: await deploy('test'), prod: await deploy('prod') };

    expect(shape(recorded.dev)).toEqual({
      resourceGroup: 'rg-msengine-dev',
      location: 'swedencentral',
      cosmosCapabilities: [{ name: 'EnableServerless' }],
      cosmosDatabaseOptions: undefined,
      cosmosDisableLocalAuth: true,
      storageSku: 'Standard_LRS',
      maxInstances: 40,
      logRetentionDays: 30,
      keyVault: { rbac: true, softDelete: true, softDeleteDays: 7, purgeProtection: undefined },
    });
    expect(shape(recorded.test)).toEqual({ ...shape(recorded.dev), resourceGroup: 'rg-msengine-test' });
    expect(shape(recorded.prod)).toEqual({
      resourceGroup: 'rg-msengine-prod',
      location: 'swedencentral',
      cosmosCapabilities: [],
      cosmosDatabaseOptions: { autoscaleSettings: { maxThroughput: 4000 } },
      cosmosDisableLocalAuth: true,
      storageSku: 'Standard_ZRS',
      maxInstances: 100,
      logRetentionDays: 90,
      keyVault: { rbac: true, softDelete: true, softDeleteDays: 90, purgeProtection: true },
    });

    // dev and test mirror prod: the same resources, by type and logical name.
    const inventory = (stack: Stack) => recorded[stack].map((r) => `${r.type} ${r.name}`).sort();
    expect(inventory('dev')).toEqual(inventory('prod'));
    expect(inventory('test')).toEqual(inventory('prod'));
  });
});

// Test support: runs the Pulumi program offline against mocks (no CLI, no Azure) and records what
// each resource would have been created with.
import * as pulumi from '@pulumi/pulumi';

export interface RecordedResource {
  /** e.g. `azure-native:web:WebApp` */
  type: string;
  /** Pulumi's logical name */
  name: string;
  /** the mocked Azure resource id */
  id: string;
  /** the inputs the engine would send to Azure; secrets stay wrapped (see isSecretValue) */
  inputs: Record<string, unknown>;
}

/** Non-secret stack config of the test stack; values differ from the defaults so tests see them pass through. */
export const testConfig = {
  'azure-native:location': 'swedencentral',
  'ms-engine:namePrefix': 'msengine-test',
  'ms-engine:storageSku': 'Standard_ZRS',
  'ms-engine:cosmosDisableLocalAuth': 'false',
  'ms-engine:functionMaxInstances': '100',
  'ms-engine:ofApiUrl': 'https://of.example.test/api',
  'ms-engine:dataverseUrl': 'https://msdk-test.crm4.dynamics.com',
  'ms-engine:acsEmailSender': 'noreply@ms.dk',
  'ms-engine:dataverseTenantId': '11111111-1111-4111-8111-111111111111',
  'ms-engine:dataverseClientId': '22222222-2222-4222-8222-222222222222',
  'ms-engine:drupalUrl': 'https://www.ms.dk',
  'ms-engine:drupalUsername': 'ms-engine',
  'ms-engine:bcApiUrl': 'https://api.businesscentral.dynamics.com/v2.0/11111111-1111-4111-8111-111111111111/Test/api/v2.0',
  'ms-engine:bcTenantId': '11111111-1111-4111-8111-111111111111',
  'ms-engine:bcClientId': '33333333-3333-4333-8333-333333333333',
  'ms-engine:bcCompanyId': '44444444-4444-4444-8444-444444444444',
  'ms-engine:bcJournalCode': 'MSENGINE',
} as const;

export const testSecrets = {
  'ms-engine:ofApiKey': 'clear-of-api-key',
  'ms-engine:ofWebhookSecret': 'clear-of-webhook-secret',
  'ms-engine:dataverseClientSecret': 'clear-dataverse-client-secret',
  'ms-engine:dataverseWebhookKey': 'clear-dataverse-webhook-key',
  'ms-engine:acsEmailConnectionString': 'endpoint=https://acs.example/;accesskey=Y2xlYXI=',
  'ms-engine:adminApiKey': 'clear-admin-api-key',
  'ms-engine:drupalPassword': 'clear-drupal-password',
  'ms-engine:drupalWebhookSecret': 'clear-drupal-webhook-secret',
  'ms-engine:preferenceLinkSecret': 'clear-preference-link-secret-0123456789',
  'ms-engine:bcClientSecret': 'clear-bc-client-secret',
} as const;

export const mockStorageKey = 'clear-storage-account-key';

/** The input that carries each resource type's Azure name. */
const azureNameInput: Record<string, string> = {
  'azure-native:resources:ResourceGroup': 'resourceGroupName',
  'azure-native:storage:StorageAccount': 'accountName',
  'azure-native:storage:Queue': 'queueName',
  'azure-native:storage:BlobContainer': 'containerName',
  'azure-native:cosmosdb:DatabaseAccount': 'accountName',
  'azure-native:cosmosdb:SqlResourceSqlDatabase': 'databaseName',
  'azure-native:cosmosdb:SqlResourceSqlContainer': 'containerName',
  'azure-native:cosmosdb:SqlResourceSqlRoleAssignment': 'roleAssignmentId',
  'azure-native:web:AppServicePlan': 'name',
  'azure-native:web:WebApp': 'name',
};

/** What Azure would compute on creation, for the outputs the program reads. */
function computedOutputs(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case 'azure-native:storage:StorageAccount':
      return { primaryEndpoints: { blob: `https://${name}.blob.core.windows.net/` } };
    case 'azure-native:cosmosdb:DatabaseAccount':
      return { documentEndpoint: `https://${name}.documents.azure.com:443/` };
    case 'azure-native:web:WebApp':
      return {
        defaultHostName: `${name}.azurewebsites.net`,
        identity: { ...(inputs['identity'] as object), principalId: `principal-of-${name}`, tenantId: 'tenant' },
      };
    default:
      return {};
  }
}

/**
 * Sets the test stack's config and the mocks; call before importing the program. Returns the list
 * the mocks fill as the program declares resources.
 */
export async function mockAzure(): Promise<RecordedResource[]> {
  const recorded: RecordedResource[] = [];
  pulumi.runtime.setAllConfig({ ...testConfig, ...testSecrets }, Object.keys(testSecrets));
  await pulumi.runtime.setMocks(
    {
      newResource({ type, name: logicalName, inputs }) {
        const nameInput = azureNameInput[type];
        const name = String((nameInput && inputs[nameInput]) ?? logicalName);
        const id = `/subscriptions/mock/resourceGroups/mock/providers/${type}/${name}`;
        recorded.push({ type, name: logicalName, id, inputs });
        return { id, state: { ...inputs, name, ...computedOutputs(type, name, inputs) } };
      },
      call({ token }) {
        if (token === 'azure-native:storage:listStorageAccountKeys') {
          return { keys: [{ keyName: 'key1', permissions: 'Full', value: mockStorageKey }] };
        }
        throw new Error(`unexpected call ${token}`);
      },
    },
    'ms-engine',
    'test',
    false,
  );
  return recorded;
}

/** Waits until the program has registered every resource (all pending RPCs to the mocks are done). */
export async function allRegistered(): Promise<void> {
  await pulumi.runtime.disconnect();
}

export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

/** True for a value the engine received as a Pulumi secret (encrypted in the state, hidden in previews). */
export function isSecretValue(value: unknown): value is { value: unknown } {
  return pulumi.runtime.isRpcSecret(value);
}

/** The inputs with secrets opened, to check their values. */
export function withSecretsOpened(value: unknown): unknown {
  if (isSecretValue(value)) return withSecretsOpened(value.value);
  if (Array.isArray(value)) return value.map(withSecretsOpened);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withSecretsOpened(v)]));
  }
  return value;
}

/** The inputs with every secret replaced by `[secret]`: what is left is what would be stored in clear. */
export function withSecretsHidden(value: unknown): unknown {
  if (isSecretValue(value)) return '[secret]';
  if (Array.isArray(value)) return value.map(withSecretsHidden);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withSecretsHidden(v)]));
  }
  return value;
}

// Test support: runs the Pulumi program offline against mocks (no CLI, no Azure) and records what
// each resource would have been created with.
import { readFileSync } from 'node:fs';
import * as pulumi from '@pulumi/pulumi';
import { vi } from 'vitest';

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
  'ms-engine:storageSku': 'Standard_ZRS',
  'ms-engine:cosmosDisableLocalAuth': 'false',
  'ms-engine:functionMaxInstances': '100',
  'ms-engine:ofApiUrl': 'https://of.example.test/api',
  'ms-engine:dataverseUrl': 'https://msdk-test.crm4.dynamics.com',
  'ms-engine:dataverseTenantId': '11111111-1111-4111-8111-111111111111',
  'ms-engine:dataverseClientId': '22222222-2222-4222-8222-222222222222',
  'ms-engine:drupalUrl': 'https://www.ms.dk',
  'ms-engine:drupalUsername': 'ms-engine',
  'ms-engine:bcApiUrl': 'https://api.businesscentral.dynamics.com/v2.0/11111111-1111-4111-8111-111111111111/Test/api/v2.0',
  'ms-engine:bcTenantId': '11111111-1111-4111-8111-111111111111',
  'ms-engine:bcClientId': '33333333-3333-4333-8333-333333333333',
  'ms-engine:bcCompanyId': '44444444-4444-4444-8444-444444444444',
  'ms-engine:bcJournalCode': 'MSENGINE',
  'ms-engine:alertEmail': 'it-alerts@ms.dk',
  'ms-engine:staffAuthTenantId': '11111111-1111-4111-8111-111111111111',
  'ms-engine:staffAuthClientId': '55555555-5555-4555-8555-555555555555',
  'ms-engine:heroBaseApiUrl': 'https://ms.herobase.example/api/v1',
  'ms-engine:tmSftpHost': 'sftp.tmpo.example',
  'ms-engine:tmSftpPort': '2222',
  'ms-engine:tmSftpUsername': 'ms-leads',
  'ms-engine:tmSftpHostKey': 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8',
  'ms-engine:tmSftpDirectory': '/inbound',
} as const;

export const testSecrets = {
  'ms-engine:ofApiKey': 'clear-of-api-key',
  'ms-engine:ofWebhookSecret': 'clear-of-webhook-secret',
  'ms-engine:dataverseClientSecret': 'clear-dataverse-client-secret',
  'ms-engine:dataverseWebhookKey': 'clear-dataverse-webhook-key',
  'ms-engine:drupalPassword': 'clear-drupal-password',
  'ms-engine:drupalWebhookSecret': 'clear-drupal-webhook-secret',
  'ms-engine:preferenceLinkSecret': 'clear-preference-link-secret-0123456789',
  'ms-engine:acsEventsWebhookKey': 'clear-acs-events-webhook-key-0123456789',
  'ms-engine:bcClientSecret': 'clear-bc-client-secret',
  'ms-engine:cprEncryptionKeys': JSON.stringify({ current: 'k1', keys: { k1: Buffer.alloc(32, 1).toString('base64') } }),
  'ms-engine:cprLookupKey': Buffer.alloc(32, 2).toString('base64'),
  'ms-engine:tmSftpCredential': 'clear-tm-sftp-password',
  'ms-engine:heroBaseApiKey': 'clear-herobase-api-key',
  'ms-engine:heroBaseWebhookSecret': 'clear-herobase-webhook-secret',
} as const;

export const mockAcsConnectionString = 'endpoint=https://acs-msengine-test.example/;accesskey=mock-acs-key-not-real';
export const mockMailFromSenderDomain = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d.azurecomm.net';

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
  'azure-native:keyvault:Vault': 'vaultName',
  'azure-native:keyvault:Secret': 'secretName',
  'azure-native:authorization:RoleAssignment': 'roleAssignmentName',
  'azure-native:operationalinsights:Workspace': 'workspaceName',
  'azure-native:applicationinsights:Component': 'resourceName',
  'azure-native:monitor:ActionGroup': 'actionGroupName',
  'azure-native:monitor:ScheduledQueryRule': 'ruleName',
  'azure-native:communication:CommunicationService': 'communicationServiceName',
  'azure-native:communication:EmailService': 'emailServiceName',
  'azure-native:communication:Domain': 'domainName',
};

/** The client id Entra ID would give the engine app registration the program creates. */
export const mockEngineAppClientId = '77777777-7777-4777-8777-777777777777';

export const mockAppInsightsConnectionString =
  'InstrumentationKey=00000000-0000-4000-8000-00000000000a;IngestionEndpoint=https://swedencentral-0.in.applicationinsights.azure.com/';

/** The subscription and tenant `az login` would give the provider. */
export const mockClientConfig = {
  clientId: 'mock-client',
  objectId: 'mock-deployer',
  subscriptionId: '00000000-0000-4000-8000-000000000001',
  tenantId: '00000000-0000-4000-8000-000000000002',
} as const;

/** The deployment (Kudu) site host name the mocks give a Function App. */
export function mockScmHostOf(appName: string): string {
  return `${appName}-c3d4.scm.swedencentral-01.azurewebsites.net`;
}

/** What Azure would compute on creation, for the outputs the program reads. */
function computedOutputs(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case 'azure-native:storage:StorageAccount':
      return { primaryEndpoints: { blob: `https://${name}.blob.core.windows.net/` } };
    case 'azure-native:cosmosdb:DatabaseAccount':
      return { documentEndpoint: `https://${name}.documents.azure.com:443/` };
    case 'azure-native:communication:Domain':
      return { mailFromSenderDomain: mockMailFromSenderDomain, fromSenderDomain: mockMailFromSenderDomain };
    case 'azuread:index/application:Application':
      return { clientId: mockEngineAppClientId };
    case 'azure-native:applicationinsights:Component':
      return { connectionString: mockAppInsightsConnectionString };
    case 'azure-native:keyvault:Secret': {
      const secretUri = `https://${String(inputs['vaultName'])}.vault.azure.net/secrets/${name}`;
      return { properties: { secretUri, secretUriWithVersion: `${secretUri}/0123456789abcdef` } };
    }
    case 'azure-native:web:WebApp':
      return {
        defaultHostName: `${name}.azurewebsites.net`,
        // A unique default host name, as new apps get; its deployment site is not `<name>.scm…`.
        hostNameSslStates: [
          { name: `${name}-c3d4.swedencentral-01.azurewebsites.net`, hostType: 'Standard' },
          { name: mockScmHostOf(name), hostType: 'Repository' },
        ],
        identity: { ...(inputs['identity'] as object), principalId: `principal-of-${name}`, tenantId: 'tenant' },
      };
    default:
      return {};
  }
}

export interface MockStack {
  /** Stack name (`pulumi.getStack()`); default `test`. */
  stack?: string;
  /** Non-secret config; default testConfig. */
  config?: Record<string, string>;
}

/**
 * Sets the test stack's config and the mocks; call before importing the program. Returns the list
 * the mocks fill as the program declares resources.
 */
export async function mockAzure({ stack = 'test', config = testConfig }: MockStack = {}): Promise<RecordedResource[]> {
  const recorded: RecordedResource[] = [];
  pulumi.runtime.setAllConfig({ ...config, ...testSecrets }, Object.keys(testSecrets));
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
        if (token === 'azure-native:authorization:getClientConfig') return { ...mockClientConfig };
        if (token === 'azure-native:communication:listCommunicationServiceKeys') {
          return { primaryConnectionString: mockAcsConnectionString, primaryKey: 'mock-acs-key-not-real' };
        }
        throw new Error(`unexpected call ${token}`);
      },
    },
    'ms-engine',
    stack,
    false,
  );
  return recorded;
}

/** Runs the whole program (infra/index.ts) afresh against the mocks with the given stack and config. */
export async function runProgram(stack: MockStack = {}): Promise<{ recorded: RecordedResource[]; program: typeof import('./index.js') }> {
  const recorded = await mockAzure(stack);
  vi.resetModules();
  const program = await import('./index.js');
  await allRegistered();
  return { recorded, program };
}

/**
 * The plain `key: value` entries under `config:` of `Pulumi.<stack>.yaml` at the repository root;
 * encrypted secrets (`secure:`) are skipped. Anything else fails here so a test notices.
 */
export function stackFileConfig(stack: string): Record<string, string> {
  const text = readFileSync(new URL(`../Pulumi.${stack}.yaml`, import.meta.url), 'utf8');
  const entries: Record<string, string> = {};
  let inConfig = false;
  let secretKey: string | undefined;
  for (const line of text.split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (/^config:\s*$/.test(line)) {
      inConfig = true;
      continue;
    }
    // `pulumi config set --secret` writes `  key:` and `    secure: v1:…`; tests use their own secrets.
    if (secretKey && /^    secure: \S+$/.test(line)) {
      secretKey = undefined;
      continue;
    }
    const entry = /^  ([\w-]+:[\w-]+):\s*(.*?)\s*$/.exec(line);
    if (!inConfig || !entry || secretKey) throw new Error(`Pulumi.${stack}.yaml: cannot read '${line}'`);
    if (entry[2] === '') secretKey = entry[1];
    else entries[entry[1]!] = entry[2]!.replace(/^"(.*)"$/, '$1');
  }
  if (secretKey) throw new Error(`Pulumi.${stack}.yaml: no value for '${secretKey}'`);
  return entries;
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

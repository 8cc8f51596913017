import type { EngineEnvironment } from '../../handlers/config.js';

const unreachable = 'http://127.0.0.1:9';

/**
 * Test support: a complete set of engine settings whose outside services are unreachable and
 * whose secrets are dummies, for tests that build the engine without the local stack. Each test
 * overrides what it uses (e.g. Cosmos and storage). A new setting is added here once.
 */
export function offlineEnvironment(overrides: EngineEnvironment = {}): EngineEnvironment {
  return {
    COSMOS_ENDPOINT: unreachable,
    COSMOS_KEY: 'a2V5',
    AzureWebJobsStorage: 'UseDevelopmentStorage=true',
    OF_API_URL: `${unreachable}/api/v1`,
    OF_API_KEY: 'key',
    OF_WEBHOOK_SECRET: 'a-webhook-secret-of-some-length',
    DATAVERSE_URL: unreachable,
    DATAVERSE_AUTHORITY_URL: unreachable,
    DATAVERSE_TENANT_ID: 'tenant',
    DATAVERSE_CLIENT_ID: 'client',
    DATAVERSE_CLIENT_SECRET: 'secret',
    DATAVERSE_WEBHOOK_KEY: 'dataverse-webhook-key-0123',
    ACS_EMAIL_CONNECTION_STRING: 'endpoint=https://acs.example/;accesskey=a2V5',
    ACS_EMAIL_SENDER: 'noreply@ms.dk',
    DRUPAL_URL: 'https://www.ms.dk',
    DRUPAL_USERNAME: 'ms-engine',
    DRUPAL_PASSWORD: 'drupal-password',
    DRUPAL_WEBHOOK_SECRET: 'drupal-webhook-secret-0123',
    PREFERENCE_LINK_SECRET: 'preference-link-secret-0123456789abcdef',
    ACS_EVENTS_WEBHOOK_KEY: 'acs-events-webhook-key-0123456789abcdef',
    BC_API_URL: 'https://api.businesscentral.dynamics.com/v2.0/tenant/Test/api/v2.0',
    BC_TENANT_ID: 'tenant',
    BC_CLIENT_ID: 'client',
    BC_CLIENT_SECRET: 'bc-client-secret',
    BC_COMPANY_ID: 'company',
    BC_JOURNAL_CODE: 'MSENGINE',
    CPR_ENCRYPTION_KEYS: JSON.stringify({ current: 'test-1', keys: { 'test-1': Buffer.alloc(32, 7).toString('base64') } }),
    CPR_LOOKUP_KEY: Buffer.alloc(32, 9).toString('base64'),
    STAFF_AUTH_ISSUER: 'https://login.microsoftonline.com/7b0a2f5e-1c4d-4e8f-9a6b-0c1d2e3f4a5b/v2.0',
    STAFF_AUTH_TENANT_ID: '7b0a2f5e-1c4d-4e8f-9a6b-0c1d2e3f4a5b',
    STAFF_AUTH_AUDIENCE: '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b',
    TM_SFTP_HOST: '127.0.0.1',
    TM_SFTP_PORT: '9',
    TM_SFTP_USERNAME: 'ms-leads',
    TM_SFTP_HOST_KEY: `SHA256:${'A'.repeat(43)}`,
    TM_SFTP_CREDENTIAL: 'sftp-password',
    HEROBASE_API_URL: `${unreachable}/api/v1`,
    HEROBASE_API_KEY: 'herobase-key',
    HEROBASE_WEBHOOK_SECRET: 'herobase-webhook-secret-0123',
    ...overrides,
  };
}

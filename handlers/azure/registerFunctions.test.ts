import functions from '@azure/functions';
import { offlineEnvironment } from '../../test/support/offlineEnvironment.js';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../adapters/system/jsonLogger.js';
import { loadConfig } from '../config.js';
import { createEngine } from '../engine.js';
import { registerFunctions } from './registerFunctions.js';

const { HttpRequest, InvocationContext } = functions;

type Registration = { kind: string; name: string; options: Record<string, unknown> & { handler: (...args: unknown[]) => unknown } };

/** Records what the engine declares to the Functions runtime (outside Azure, `app` registers nothing). */
function recordingApp() {
  const registrations: Registration[] = [];
  const record = (kind: string) => (name: string, options: Registration['options']) => registrations.push({ kind, name, options });
  const app = { http: record('http'), storageQueue: record('storageQueue'), timer: record('timer') } as unknown as typeof functions.app;
  return { app, registrations };
}

const engine = createEngine({
  logger: silentLogger,
  config: loadConfig(offlineEnvironment()),
});

describe('Azure Functions registration', () => {
  const { app, registrations } = recordingApp();
  registerFunctions(app, engine);

  it('declares one catch-all HTTP function, the queue functions with their poison drain, and the timers', () => {
    expect(registrations.map((r) => `${r.kind}:${r.name}`)).toEqual([
      'http:http',
      'storageQueue:onlineFundraisingNotifications',
      'storageQueue:ofNotificationsPoison',
      'storageQueue:emailReports',
      'storageQueue:emailReportsPoison',
      'storageQueue:drupalNotifications',
      'storageQueue:drupalNotificationsPoison',
      'storageQueue:formImports',
      'storageQueue:formImportsPoison',
      'storageQueue:personMerges',
      'storageQueue:personMergesPoison',
      'storageQueue:crmContactChanges',
      'storageQueue:crmContactChangesPoison',
      'storageQueue:postingRuns',
      'storageQueue:postingRunsPoison',
      'storageQueue:jobRuns',
      'storageQueue:jobRunsPoison',
      'storageQueue:anonymisations',
      'storageQueue:anonymisationsPoison',
      'storageQueue:dialerNotifications',
      'storageQueue:dialerNotificationsPoison',
      'timer:deadLetterWatch',
      'timer:automationTriggers',
      'timer:postingRunResumer',
      'timer:parkedDuplicateReviews',
      'timer:identityReindex',
      'timer:dunningGroups',
      'timer:nightlyDatasetExport',
      'timer:hourlyPaymentExport',
      'timer:crmReconciliation',
      'timer:anonymisationSchedule',
      'timer:messageSender',
      'timer:telemarketingFiles',
      'timer:dialerTransfers',
      'timer:contactPreferences',
      'timer:crmProjector',
      'timer:onlineFundraisingReconciliation',
    ]);
    const queues = registrations.filter((r) => r.kind === 'storageQueue').map((r) => [r.options.queueName, r.options.connection]);
    expect(queues).toEqual([
      ['of-notifications', 'AzureWebJobsStorage'],
      ['of-notifications-poison', 'AzureWebJobsStorage'],
      ['email-reports', 'AzureWebJobsStorage'],
      ['email-reports-poison', 'AzureWebJobsStorage'],
      ['drupal-notifications', 'AzureWebJobsStorage'],
      ['drupal-notifications-poison', 'AzureWebJobsStorage'],
      ['form-imports', 'AzureWebJobsStorage'],
      ['form-imports-poison', 'AzureWebJobsStorage'],
      ['person-merges', 'AzureWebJobsStorage'],
      ['person-merges-poison', 'AzureWebJobsStorage'],
      ['crm-contact-changes', 'AzureWebJobsStorage'],
      ['crm-contact-changes-poison', 'AzureWebJobsStorage'],
      ['posting-runs', 'AzureWebJobsStorage'],
      ['posting-runs-poison', 'AzureWebJobsStorage'],
      ['job-runs', 'AzureWebJobsStorage'],
      ['job-runs-poison', 'AzureWebJobsStorage'],
      ['anonymisations', 'AzureWebJobsStorage'],
      ['anonymisations-poison', 'AzureWebJobsStorage'],
      ['dialer-notifications', 'AzureWebJobsStorage'],
      ['dialer-notifications-poison', 'AzureWebJobsStorage'],
    ]);
    expect(registrations.find((r) => r.kind === 'timer')?.options.schedule).toBe('0 */15 * * * *');
  });

  it('[OnlineFundraising1] the Azure HTTP function serves the same Hono routes as the local host', async () => {
    const http = registrations.find((r) => r.kind === 'http')!.options.handler;
    const context = new InvocationContext({ functionName: 'http' });
    const health = (await http(new HttpRequest({ method: 'GET', url: 'https://func.example/health' }), context)) as { status: number; body: Uint8Array };
    expect(health.status).toBe(200);
    expect(JSON.parse(Buffer.from(health.body).toString())).toEqual({ status: 'ok' });
    const unsigned = (await http(
      new HttpRequest({ method: 'POST', url: 'https://func.example/webhooks/onlinefundraising', body: { string: '{}' }, headers: { 'content-type': 'application/json' } }),
      context,
    )) as { status: number };
    expect(unsigned.status).toBe(401);
  });
});

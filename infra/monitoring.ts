import * as pulumi from '@pulumi/pulumi';
import * as applicationinsights from '@pulumi/azure-native/applicationinsights/index.js';
import * as monitor from '@pulumi/azure-native/monitor/index.js';
import * as operationalinsights from '@pulumi/azure-native/operationalinsights/index.js';
import type { StackConfig } from './config.js';
import type { ResourceNames } from './names.js';

/**
 * The engine's log lines (adapters/system/jsonLogger.ts) reach Application Insights as traces whose
 * message is the JSON line; `entry.message` is the engine's own message text.
 */
const engineEntries = `AppTraces
| extend entry = parse_json(extract(@"(\\{.*\\})", 1, Message))
| extend engineMessage = tostring(entry.message)`;

/** The log messages and function names the alerts watch for; the engine writes them (domain/, handlers/). */
export const alertSignals = {
  /** handlers/queue/poisonQueueFunction.ts: a message reached `<queue>-poison` and was kept as a dead letter. */
  deadLettered: 'message dead-lettered',
  /** domain/jobs/executeJobRun.ts */
  jobRunFailed: 'job run failed',
  /** domain/bookkeeping/continuePostingRun.ts */
  postingRunStepFailed: 'posting run step failed',
} as const;

/**
 * Queue messages are counted per account, not per queue, in Azure Monitor's storage metrics, so "a
 * poison queue is not empty" is read from the engine instead: every poison queue has a function that
 * moves its messages to the dead-letter store and logs it; a failing poison function (its message
 * stays in the poison queue) counts too. Function names of poison queues end in `Poison`.
 */
export const poisonQueueQuery = `${engineEntries}
| where engineMessage == "${alertSignals.deadLettered}"
| project TimeGenerated, queue = tostring(entry.queue), messageId = tostring(entry.messageId)
| union (AppRequests | where Name endswith "Poison" and Success == false | project TimeGenerated, queue = Name, messageId = OperationId)`;

/** A scheduled job run or a posting run step failed (it is retried; after 5 tries it is dead-lettered). */
export const failedRunQuery = `${engineEntries}
| where engineMessage in ("${alertSignals.jobRunFailed}", "${alertSignals.postingRunStepFailed}")
| project TimeGenerated, engineMessage, job = tostring(entry.job), runId = tostring(entry.runId), error = tostring(entry.error)`;

export interface Monitoring {
  workspace: operationalinsights.Workspace;
  appInsights: applicationinsights.Component;
  /** For the app setting APPLICATIONINSIGHTS_CONNECTION_STRING (an ingestion address, not a credential). */
  connectionString: pulumi.Output<string>;
  actionGroup: monitor.ActionGroup;
  alerts: monitor.ScheduledQueryRule[];
}

/** Log Analytics, workspace-based Application Insights, and the two alerts that mail `alertEmail`. */
export function createMonitoring(config: StackConfig, names: ResourceNames, resourceGroupName: pulumi.Input<string>): Monitoring {
  const workspace = new operationalinsights.Workspace('logs', {
    workspaceName: names.logAnalytics,
    resourceGroupName,
    location: config.location,
    sku: { name: 'PerGB2018' },
    retentionInDays: config.monitoring.logRetentionDays,
    tags: config.tags,
  });

  const appInsights = new applicationinsights.Component('engine', {
    resourceName: names.appInsights,
    resourceGroupName,
    location: config.location,
    kind: 'web',
    applicationType: 'web',
    ingestionMode: 'LogAnalytics',
    workspaceResourceId: workspace.id,
    tags: config.tags,
  });

  const actionGroup = new monitor.ActionGroup('alerts', {
    actionGroupName: names.actionGroup,
    resourceGroupName,
    location: 'Global',
    enabled: true,
    groupShortName: 'ms-engine', // at most 12 characters; shown in the mail
    emailReceivers: [{ name: 'engine-alerts', emailAddress: config.monitoring.alertEmail, useCommonAlertSchema: true }],
    tags: config.tags,
  });

  const alert = (name: string, displayName: string, description: string, query: string, severity: number) =>
    new monitor.ScheduledQueryRule(name, {
      ruleName: `${name}-${config.namePrefix}`,
      resourceGroupName,
      location: config.location,
      kind: 'LogAlert',
      displayName,
      description,
      severity,
      enabled: true,
      scopes: [workspace.id],
      evaluationFrequency: 'PT5M',
      windowSize: 'PT5M',
      criteria: {
        allOf: [
          {
            query,
            timeAggregation: 'Count',
            operator: 'GreaterThan',
            threshold: 0,
            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
          },
        ],
      },
      // At most one mail per hour while the condition lasts (muting needs autoMitigate off).
      muteActionsDuration: 'PT1H',
      autoMitigate: false,
      actions: { actionGroups: [actionGroup.id] },
      tags: config.tags,
    });

  const alerts = [
    alert(
      'poison-queue-messages',
      'MS engine: messages in a poison queue',
      'A message failed 5 times and reached a *-poison queue (it is now a dead letter: GET /admin/dead-letters).',
      poisonQueueQuery,
      2,
    ),
    alert(
      'job-run-failed',
      'MS engine: a job run or posting run step failed',
      'A scheduled job run or a posting run step failed (GET /admin/jobs, GET /admin/posting-runs); it is retried.',
      failedRunQuery,
      2,
    ),
  ];

  return { workspace, appInsights, connectionString: appInsights.connectionString, actionGroup, alerts };
}

import * as pulumi from '@pulumi/pulumi';
import * as eventgrid from '@pulumi/azure-native/eventgrid/index.js';
import type { StackConfig } from './config.js';
import type { Email } from './email.js';
import type { ResourceNames } from './names.js';

/** The ACS events the engine takes (handlers/http/acsEmailEventsWebhook.ts). */
export const acsEmailEventTypes = ['Microsoft.Communication.EmailDeliveryReportReceived', 'Microsoft.Communication.EmailEngagementTrackingReportReceived'];
/** The header Event Grid adds to every delivery, holding the engine's key (handlers/http/acsEmailEventsWebhook.ts: eventKeyHeader). */
export const eventKeyHeaderName = 'X-Engine-Event-Key';

/**
 * [CARE-Interactions] ACS's mail delivery and engagement reports to the engine: an Event Grid system
 * topic on the Communication Service and a webhook subscription to `/webhooks/acs-email`, with the
 * engine's key as a secret delivery header. Event Grid validates the endpoint when the subscription
 * is made, so it waits for the engine's code to be published.
 */
export function subscribeEmailEvents(parts: {
  config: StackConfig;
  names: ResourceNames;
  resourceGroupName: pulumi.Input<string>;
  email: Email;
  webhookUrl: pulumi.Input<string>;
  dependsOn: pulumi.Resource[];
}): { topic: eventgrid.SystemTopic; subscription: eventgrid.SystemTopicEventSubscription } {
  const { config, names, resourceGroupName, email } = parts;
  const topic = new eventgrid.SystemTopic('email-events', {
    systemTopicName: `${names.communicationService}-events`,
    resourceGroupName,
    location: 'global',
    source: email.communicationService.id,
    topicType: 'Microsoft.Communication.CommunicationServices',
    tags: config.tags,
  });
  const subscription = new eventgrid.SystemTopicEventSubscription(
    'email-events-to-engine',
    {
      eventSubscriptionName: 'engine-mail-reports',
      systemTopicName: topic.name,
      resourceGroupName,
      eventDeliverySchema: 'EventGridSchema',
      filter: { includedEventTypes: acsEmailEventTypes },
      destination: {
        endpointType: 'WebHook',
        endpointUrl: parts.webhookUrl,
        maxEventsPerBatch: 10,
        deliveryAttributeMappings: [{ type: 'Static', name: eventKeyHeaderName, value: config.acsEventsWebhookKey, isSecret: true }],
      },
      retryPolicy: { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1440 },
    },
    { dependsOn: parts.dependsOn },
  );
  return { topic, subscription };
}

import { randomUUID } from 'node:crypto';

/** How the simulated Event Grid subscription delivers: its schema, its target, and the secret header it adds to every delivery. */
export interface EventGridSubscription {
  url: string;
  schema: 'EventGrid' | 'CloudEvents';
  /** The delivery attribute (a static header marked secret) Event Grid adds to each delivery. */
  header: { name: string; value: string };
}

export interface SimulatedEvent {
  type: string;
  subject: string;
  data: Record<string, unknown>;
  time: string;
}

/** The system topic of the simulated ACS resource, as Event Grid names it. */
export const simulatedTopic = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-local/providers/Microsoft.Communication/communicationServices/acs-local';

/**
 * Event Grid's webhook validation, as it does it when a subscription is created: a
 * SubscriptionValidationEvent to echo (Event Grid schema), or an OPTIONS request whose
 * WebHook-Request-Origin must be allowed (CloudEvents). Throws when the endpoint does not pass.
 */
export async function validateSubscription(subscription: Omit<EventGridSubscription, 'header'>): Promise<void> {
  if (subscription.schema === 'CloudEvents') {
    const answer = await fetch(subscription.url, { method: 'OPTIONS', headers: { 'webhook-request-origin': 'eventgrid.azure.net' } });
    if (answer.headers.get('webhook-allowed-origin') !== 'eventgrid.azure.net') throw new Error(`the endpoint did not allow eventgrid.azure.net (status ${answer.status})`);
    return;
  }
  const validationCode = randomUUID();
  const event = { id: randomUUID(), topic: simulatedTopic, subject: '', eventType: 'Microsoft.EventGrid.SubscriptionValidationEvent', eventTime: new Date().toISOString(), data: { validationCode, validationUrl: `https://rp-local.eventgrid.azure.net/validate?code=${validationCode}` }, dataVersion: '2', metadataVersion: '1' };
  const answer = await fetch(subscription.url, { method: 'POST', headers: { 'content-type': 'application/json', 'aeg-event-type': 'SubscriptionValidation' }, body: JSON.stringify([event]) });
  const body = (await answer.json().catch(() => ({}))) as { validationResponse?: string };
  if (body.validationResponse !== validationCode) throw new Error(`the endpoint did not echo the validation code (status ${answer.status})`);
}

/** Delivers events in the subscription's schema, with its header; resolves the endpoint's status. */
export async function deliverEvents(subscription: EventGridSubscription, events: SimulatedEvent[]): Promise<number> {
  const cloud = subscription.schema === 'CloudEvents';
  const body = events.map((event) =>
    cloud
      ? { specversion: '1.0', id: randomUUID(), type: event.type, source: simulatedTopic, subject: event.subject, time: event.time, datacontenttype: 'application/json', data: event.data }
      : { id: randomUUID(), topic: simulatedTopic, subject: event.subject, eventType: event.type, eventTime: event.time, data: event.data, dataVersion: '1.0', metadataVersion: '1' },
  );
  const answer = await fetch(subscription.url, {
    method: 'POST',
    headers: { 'content-type': cloud ? 'application/cloudevents-batch+json' : 'application/json', 'aeg-event-type': 'Notification', [subscription.header.name]: subscription.header.value },
    body: JSON.stringify(body),
  });
  await answer.body?.cancel();
  return answer.status;
}

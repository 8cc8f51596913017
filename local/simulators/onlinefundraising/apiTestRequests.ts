// Test support: requests to the simulator's API as a client makes them, and what its webhooks said.
import type { OnlineFundraisingSimulator } from './server.js';
import type { WebhookReceiver } from './startWebhookReceiver.js';

/** POSTs a JSON body (or raw text) to an API path with the API key. */
export function postToApi(sim: OnlineFundraisingSimulator, path: string, body: unknown, apiKey: string): Promise<Response> {
  return fetch(`${sim.apiBaseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function getFromApi(sim: OnlineFundraisingSimulator, path: string, apiKey: string): Promise<Record<string, unknown>> {
  return (await fetch(`${sim.apiBaseUrl}${path}`, { headers: { authorization: `Bearer ${apiKey}` } })).json() as Promise<Record<string, unknown>>;
}

/** Entity, id and event of each notification the receiver got, in order. */
export function notifiedEntities(receiver: WebhookReceiver): { entity: string; entityId: string; event: string }[] {
  return receiver.received.map((webhook) => {
    const { entity, entityId, event } = JSON.parse(webhook.rawBody) as { entity: string; entityId: string; event: string };
    return { entity, entityId, event };
  });
}

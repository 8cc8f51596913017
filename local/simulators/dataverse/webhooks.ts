import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type KeyValue, entityReference, remoteExecutionContext } from './executionContext.js';
import type { OperationEvent } from './operationEvents.js';

export const webhookMessages = ['Merge', 'Update'] as const;
export type WebhookMessage = (typeof webhookMessages)[number];

/**
 * A Dataverse service endpoint of contract Webhook with one step per message (post-operation,
 * asynchronous) on one table, authenticated the three ways Dataverse offers: `HttpHeader` (a
 * header), `WebhookKey` (the query parameter `code`), `HttpQueryString` (a query parameter).
 */
export const webhookRegistrationSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  messages: z.array(z.enum(webhookMessages)).min(1),
  entity: z.enum(['contact', 'account']),
  auth: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('httpHeader'), name: z.string().min(1), value: z.string() }),
    z.object({ kind: z.literal('webhookKey'), value: z.string().min(1) }),
    z.object({ kind: z.literal('httpQueryString'), name: z.string().min(1), value: z.string() }),
  ]),
});

export type WebhookRegistration = z.infer<typeof webhookRegistrationSchema>;

export interface RegisteredWebhook extends WebhookRegistration {
  /** The service endpoint's id. */
  id: string;
  /** The id of the step registered on each message (`OwningExtension.Id` of what it sends). */
  steps: Partial<Record<WebhookMessage, string>>;
}

/** One POST of a RemoteExecutionContext to a webhook, as sent and as answered. */
export interface WebhookDelivery {
  id: string;
  webhookId: string;
  message: WebhookMessage;
  /** Logical name of the table ("contact"). */
  entity: string;
  primaryEntityId: string;
  /** The user the operation ran as (`UserId`, `InitiatingUserId`). */
  userId: string;
  /** The URL as called, with the auth's query parameter if it has one. */
  url: string;
  headers: Record<string, string>;
  /** The RemoteExecutionContext. */
  body: Record<string, unknown>;
  /** When the operation ran (simulator clock, ISO 8601). */
  at: string;
  /** `failed`: the webhook could not be reached, or answered other than 2xx. */
  status: 'pending' | 'delivered' | 'failed';
  httpStatus?: number;
  /** The start of the webhook's answer. */
  responseBody?: string;
  error?: string;
}

export interface WebhookDispatcherSettings {
  businessUnitId: string;
  organizationId: string;
  organizationName: string;
  /** `x-ms-dynamics-organization`: the org's host name. */
  organizationHost: string;
  now: () => Date;
  timeoutMs: number;
}

/**
 * Dataverse's limit on a webhook's message: over 256 KB it leaves out ParentContext,
 * InputParameters and the entity images, and says so in `x-ms-dynamics-msg-size-exceeded`; the
 * receiver reads the record itself.
 */
export const webhookMessageSizeLimitBytes = 256 * 1024;

/**
 * The registered webhooks and what was sent to them. Deliveries run in the background, as
 * Dataverse's asynchronous service sends them, after the operation has been answered; a failed
 * delivery is recorded, never thrown, and not retried.
 */
export class WebhookDispatcher {
  private webhooks: RegisteredWebhook[] = [];
  private log: WebhookDelivery[] = [];
  /** Tests lower it to see a message cut down without writing 256 KB of columns. */
  messageSizeLimitBytes = webhookMessageSizeLimitBytes;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly settings: WebhookDispatcherSettings) {}

  /** Validates the registration (throws a ZodError when it is not valid). */
  register(registration: WebhookRegistration): RegisteredWebhook {
    const parsed = webhookRegistrationSchema.parse(registration);
    const webhook: RegisteredWebhook = { ...parsed, id: randomUUID(), steps: Object.fromEntries(parsed.messages.map((message) => [message, randomUUID()])) };
    this.webhooks.push(webhook);
    return structuredClone(webhook);
  }

  unregister(id: string): boolean {
    const before = this.webhooks.length;
    this.webhooks = this.webhooks.filter((webhook) => webhook.id !== id);
    return this.webhooks.length < before;
  }

  clear(): void {
    this.webhooks = [];
  }

  registered(): RegisteredWebhook[] {
    return structuredClone(this.webhooks);
  }

  /** Every delivery so far, oldest first, pending ones included. */
  deliveries(): WebhookDelivery[] {
    return structuredClone(this.log);
  }

  clearDeliveries(): void {
    this.log = [];
  }

  /**
   * Sends one RemoteExecutionContext per event and matching webhook, one after another in the
   * events' order. Resolves with these deliveries once all are done; never rejects.
   */
  dispatch(events: OperationEvent[], caller: { userId: string }): Promise<WebhookDelivery[]> {
    const correlationId = randomUUID();
    const deliveries = events.flatMap((event) =>
      this.webhooks
        .filter((webhook) => webhook.entity === event.entity && webhook.messages.includes(event.message))
        .map((webhook) => this.prepare(webhook, event, caller.userId, correlationId)),
    );
    if (deliveries.length === 0) return Promise.resolve([]);
    this.log.push(...deliveries);
    const run = (async () => {
      for (const delivery of deliveries) await this.send(delivery);
      return structuredClone(deliveries);
    })();
    this.inFlight.add(run);
    void run.then(() => this.inFlight.delete(run));
    return run;
  }

  /** Waits until every delivery started so far is done, then returns them all. */
  async settled(): Promise<WebhookDelivery[]> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    return this.deliveries();
  }

  private prepare(webhook: RegisteredWebhook, event: OperationEvent, userId: string, correlationId: string): WebhookDelivery {
    const now = this.settings.now();
    const requestId = randomUUID();
    const url = new URL(webhook.url);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-request-id': requestId,
      'x-ms-correlation-request-id': correlationId,
      'x-ms-dynamics-organization': this.settings.organizationHost,
      'x-ms-dynamics-entity-name': event.entity,
      'x-ms-dynamics-request-name': event.message,
    };
    const { auth } = webhook;
    if (auth.kind === 'httpHeader') headers[auth.name.toLowerCase()] = auth.value;
    if (auth.kind === 'webhookKey') url.searchParams.set('code', auth.value);
    if (auth.kind === 'httpQueryString') url.searchParams.set(auth.name, auth.value);
    const body = remoteExecutionContext({
      messageName: event.message,
      primaryEntityName: event.entity,
      primaryEntityId: event.id,
      inputParameters: inputParameters(event),
      userId,
      businessUnitId: this.settings.businessUnitId,
      organizationId: this.settings.organizationId,
      organizationName: this.settings.organizationName,
      correlationId,
      requestId,
      step: { id: webhook.steps[event.message] ?? randomUUID(), name: `Webhook ${url.host}: ${event.message} of ${event.entity}` },
      createdOn: now,
    });
    if (Buffer.byteLength(JSON.stringify(body)) > this.messageSizeLimitBytes) {
      headers['x-ms-dynamics-msg-size-exceeded'] = 'true';
      for (const part of ['ParentContext', 'InputParameters', 'PreEntityImages', 'PostEntityImages']) delete (body as Record<string, unknown>)[part];
    }
    return {
      id: requestId,
      webhookId: webhook.id,
      message: event.message,
      entity: event.entity,
      primaryEntityId: event.id,
      userId,
      url: url.toString(),
      headers,
      body,
      at: now.toISOString(),
      status: 'pending',
    };
  }

  private async send(delivery: WebhookDelivery): Promise<void> {
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: delivery.headers,
        body: JSON.stringify(delivery.body),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      delivery.httpStatus = response.status;
      delivery.responseBody = (await response.text().catch(() => '')).slice(0, 500);
      delivery.status = response.ok ? 'delivered' : 'failed';
      if (!response.ok) delivery.error = `the webhook answered ${response.status}`;
    } catch (error) {
      delivery.status = 'failed';
      delivery.error = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    }
  }
}

/** The message's request parameters, as the RemoteExecutionContext carries them. */
function inputParameters(event: OperationEvent): KeyValue[] {
  if (event.message === 'Update') return [{ key: 'Target', value: event.target }];
  return [
    { key: 'Target', value: entityReference(event.entity, event.id) },
    { key: 'SubordinateId', value: event.subordinateId },
    { key: 'UpdateContent', value: event.updateContent },
    { key: 'PerformParentingChecks', value: event.performParentingChecks },
  ];
}

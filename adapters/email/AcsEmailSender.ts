import { randomUUID } from 'node:crypto';
import { EmailClient, type EmailMessage as AcsEmailMessage, type EmailSendResult } from '@azure/communication-email';
import type { EmailMessage, EmailSender } from '../../domain/messaging/EmailSender.js';
import { EmailSendError } from './EmailSendError.js';
import { isLoopbackHttpEndpoint } from './loopbackEndpoint.js';

export interface AcsEmailSenderOptions {
  /**
   * The resource's connection string, `endpoint=https://<resource>.communication.azure.com/;accesskey=<base64>`;
   * plain http:// only to this machine (the simulator).
   */
  connectionString: string;
  /** The From address; in Azure its domain must be connected to the resource. */
  senderAddress: string;
  /** Wait between status polls; default the SDK's 2000 ms. A `retry-after` from ACS takes precedence. */
  pollIntervalMs?: number;
  /** The SDK's retries of 429 (after Retry-After), 408, 5xx and network errors; default 3 retries from 1 s, exponential. */
  retry?: { maxRetries?: number; retryDelayInMs?: number; maxRetryDelayInMs?: number };
  /** New operation ids (UUIDs); default random. */
  newOperationId?: () => string;
}

/**
 * EmailSender over Azure Communication Services Email with the official SDK: `beginSend`, then polls
 * the send operation until it ends. The message's `reference` is the operation id (ACS takes an
 * operation id once, and names it as `messageId` in its delivery reports); without one a new id is made. Resolves the operation id once the operation `Succeeded` (ACS
 * has taken the message on); throws EmailSendError when it ended `Failed` or `Canceled`, and the
 * SDK's RestError when ACS refused the request (401 signature, 400 message, 429/5xx after retries).
 */
export class AcsEmailSender implements EmailSender {
  private readonly client: EmailClient;

  constructor(private readonly options: AcsEmailSenderOptions) {
    this.client = new EmailClient(options.connectionString, {
      ...(options.retry && { retryOptions: options.retry }),
      // The SDK refuses http:// endpoints; the local simulator on this machine is the one exception.
      ...(isLoopbackHttpEndpoint(options.connectionString) && { allowInsecureConnection: true }),
    });
  }

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    const operationId = message.reference ?? (this.options.newOperationId ?? randomUUID)();
    let lastResult: EmailSendResult | undefined;
    try {
      const poller = await this.client.beginSend(this.acsMessage(message), {
        operationId,
        ...(this.options.pollIntervalMs !== undefined && { updateIntervalInMs: this.options.pollIntervalMs }),
        onResponse: (response) => {
          lastResult = operationResultOf(response.parsedBody) ?? lastResult;
        },
      });
      return { messageId: (await poller.pollUntilDone()).id };
    } catch (error) {
      if (lastResult && isUnsuccessful(lastResult.status)) {
        throw new EmailSendError(lastResult.id, lastResult.status, lastResult.error?.code, lastResult.error?.message);
      }
      throw error;
    }
  }

  private acsMessage({ to, subject, text, html, from, headers }: EmailMessage): AcsEmailMessage {
    return {
      senderAddress: from ?? this.options.senderAddress,
      content: { subject, plainText: text, ...(html !== undefined && { html }) },
      recipients: { to: to.map((address) => ({ address })) },
      ...(headers && { headers }),
    };
  }
}

/** The body of a send or status answer (`{ id, status, error? }`), or undefined for any other body. */
function operationResultOf(body: unknown): EmailSendResult | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { id, status } = body as Partial<EmailSendResult>;
  return typeof id === 'string' && typeof status === 'string' ? (body as EmailSendResult) : undefined;
}

function isUnsuccessful(status: string): boolean {
  return ['failed', 'canceled', 'cancelled'].includes(status.toLowerCase());
}

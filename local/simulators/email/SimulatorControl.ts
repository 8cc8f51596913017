import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../domain/shared/Clock.js';
import { SimulatorControlBase } from '../shared/SimulatorControlBase.js';
import type { EmailRequest } from './emailRequestSchema.js';
import { type EmailSendError, EmailOutbox, type SentEmail } from './EmailOutbox.js';
import { type EventGridSubscription, type SimulatedEvent, deliverEvents, validateSubscription } from './eventGrid.js';

const deliveryReportType = 'Microsoft.Communication.EmailDeliveryReportReceived';
const engagementReportType = 'Microsoft.Communication.EmailEngagementTrackingReportReceived';

export interface SimulatorSettings {
  /** The resource's access key (base64), the HMAC key requests are signed with. */
  accessKey: string;
  clock: Clock;
  /** Status reads answered `Running` before an operation ends; what `reset` returns to. */
  runningStatusReads: number;
  /** `retry-after` on `Running` answers; what `reset` returns to. */
  statusRetryAfterSeconds?: number;
}

/** How a message to a failing recipient ends (the error of ACS's own Failed example). */
export const droppedEmailError: EmailSendError = { code: 'EmailDropped', message: 'Email was dropped after several attempts to deliver.' };

/** The simulated ACS Email resource's state and everything a test or a developer can do to it. */
export class SimulatorControl extends SimulatorControlBase {
  readonly outbox = new EmailOutbox();
  private failingRecipients: RegExp | undefined;
  private subscription: EventGridSubscription | undefined;
  /** Recipient address (lower case) → how its delivery report says the mail bounced. */
  readonly bounces = new Map<string, { status: string; statusMessage: string }>();
  /** Event deliveries that did not reach the subscription's endpoint (status or error), for tests to look at. */
  readonly failedDeliveries: string[] = [];
  private runningReads = 1;
  private retryAfterSeconds: number | undefined;

  constructor(readonly settings: SimulatorSettings) {
    super();
    this.setRunningStatusReads(settings.runningStatusReads);
    this.setStatusRetryAfter(settings.statusRetryAfterSeconds);
  }

  /**
   * Accepts a message as `POST /emails:send` does. An operation id already known is not sent again:
   * its operation is returned as it stands (assumed ACS behaviour for a repeated `Operation-Id`).
   */
  send(request: EmailRequest, operationId: string = randomUUID()): { email: SentEmail; repeated: boolean } {
    const known = this.outbox.get(operationId);
    if (known) return { email: known, repeated: true };
    const failing = this.matchesFailingRecipient(request);
    const email = this.outbox.accept({
      operationId,
      request,
      acceptedAt: this.settings.clock.now().toISOString(),
      runningReads: this.runningReads,
      ...(failing && { failure: droppedEmailError }),
    });
    if (!failing) setImmediate(() => void this.reportDelivery(operationId, request));
    return { email, repeated: false };
  }

  /**
   * Subscribes Event Grid to the resource's mail events, validating the endpoint as Event Grid does;
   * from then on every accepted message is followed by a delivery report per recipient.
   */
  async subscribeEvents(subscription: EventGridSubscription): Promise<void> {
    await validateSubscription(subscription);
    this.subscription = subscription;
  }

  get eventSubscription(): EventGridSubscription | undefined {
    return this.subscription;
  }

  /** A recipient opened (`view`) or clicked a link in (`click`) a message: its engagement report. */
  async engage(operationId: string, engagementType: 'view' | 'click', url?: string): Promise<number | undefined> {
    const email = this.outbox.get(operationId);
    if (!email || !this.subscription) return undefined;
    const time = this.settings.clock.now().toISOString();
    const recipient = email.request.recipients.to?.[0]?.address ?? '';
    return this.deliver([{ type: engagementReportType, subject: `sender/${email.request.senderAddress}/message/${operationId}`, time, data: { sender: email.request.senderAddress, recipient, messageId: operationId, userActionTimestamp: time, engagementContext: url ?? '', userAgent: 'Mozilla/5.0 (simulated)', engagementType } }]);
  }

  /** The delivery report of each recipient of a message just accepted: Delivered, or the bounce set for the address. */
  private async reportDelivery(operationId: string, request: EmailRequest): Promise<void> {
    if (!this.subscription) return;
    const time = this.settings.clock.now().toISOString();
    const events = (request.recipients.to ?? []).map(({ address }) => {
      const bounce = this.bounces.get(address.toLowerCase());
      return {
        type: deliveryReportType,
        subject: `sender/${request.senderAddress}/recipient/${address}/messageId/${operationId}`,
        time,
        data: { sender: request.senderAddress, recipient: address, messageId: operationId, status: bounce?.status ?? 'Delivered', deliveryStatusDetails: { statusMessage: bounce?.statusMessage ?? 'No error.' }, deliveryAttemptTimestamp: time },
      };
    });
    await this.deliver(events);
  }

  private async deliver(events: SimulatedEvent[]): Promise<number | undefined> {
    try {
      const status = await deliverEvents(this.subscription!, events);
      if (status >= 300) this.failedDeliveries.push(`status ${status}`);
      return status;
    } catch (error) {
      this.failedDeliveries.push(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  /** The operation as `GET /emails/operations/<id>` answers it (moving it on), or undefined. */
  readStatus(operationId: string): SentEmail | undefined {
    return this.outbox.readStatus(operationId);
  }

  /** Every accepted message, oldest first, with its operation's status. */
  sentEmails(): SentEmail[] {
    return this.outbox.all();
  }

  clearSentEmails(): void {
    this.outbox.clear();
  }

  /**
   * Messages accepted from now on with any recipient (to, cc or bcc) matching `pattern` end
   * `Failed` with `EmailDropped`; `undefined` stops that. A string is a case-insensitive RegExp.
   */
  failRecipientsMatching(pattern: RegExp | string | undefined): void {
    this.failingRecipients = typeof pattern === 'string' ? new RegExp(pattern, 'i') : pattern;
  }

  get failingRecipientPattern(): RegExp | undefined {
    return this.failingRecipients;
  }

  /** How many status reads answer `Running` before an operation ends (0: the first read sees the end); for operations accepted from now on. */
  setRunningStatusReads(reads: number): void {
    if (!Number.isInteger(reads) || reads < 0) throw new RangeError('runningStatusReads must be a whole number ≥ 0');
    this.runningReads = reads;
  }

  get runningStatusReads(): number {
    return this.runningReads;
  }

  /** `retry-after` (seconds) on answers whose status is `Running`, as ACS sends it; undefined (the default) leaves it out. */
  setStatusRetryAfter(seconds: number | undefined): void {
    if (seconds !== undefined && (!Number.isInteger(seconds) || seconds < 0)) throw new RangeError('retry-after must be a whole number of seconds ≥ 0');
    this.retryAfterSeconds = seconds;
  }

  get statusRetryAfterSeconds(): number | undefined {
    return this.retryAfterSeconds;
  }

  /** Forgets messages, faults, logged requests and failing recipients, and restores the start options' status settings; keeps the access key. */
  override reset(): void {
    this.outbox.clear();
    this.faults.clear();
    this.log.clear();
    this.failingRecipients = undefined;
    this.bounces.clear();
    this.runningReads = this.settings.runningStatusReads;
    this.retryAfterSeconds = this.settings.statusRetryAfterSeconds;
  }

  private matchesFailingRecipient(request: EmailRequest): boolean {
    const pattern = this.failingRecipients;
    if (!pattern) return false;
    const { to = [], cc = [], bcc = [] } = request.recipients;
    return [...to, ...cc, ...bcc].some(({ address }) => {
      pattern.lastIndex = 0;
      return pattern.test(address);
    });
  }
}

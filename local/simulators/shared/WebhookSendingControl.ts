import type { Clock } from '../../../domain/shared/Clock.js';
import { SimulatorControlBase } from './SimulatorControlBase.js';
import { type WebhookDelivery, WebhookDeliveryError, deliverSignedWebhook } from './signedWebhookDelivery.js';

export interface WebhookSending<Request, Notification> {
  /** The secret notifications are signed with. */
  secret: string;
  clock: Clock;
  /** The notification a request to send one stands for, as at `now`. */
  buildNotification(request: Request, now: Date): Notification;
}

/**
 * The control of a simulator that notifies one webhook target (OF, Drupal): the target, which a test
 * or a developer may change or remove, and sending one signed notification to it.
 */
export abstract class WebhookSendingControl<Request, Notification> extends SimulatorControlBase {
  private targetUrl: string | undefined;

  constructor(
    private readonly sending: WebhookSending<Request, Notification>,
    webhookTargetUrl?: string,
  ) {
    super();
    this.targetUrl = webhookTargetUrl;
  }

  get webhookTargetUrl(): string | undefined {
    return this.targetUrl;
  }

  setWebhookTarget(url: string | undefined): void {
    this.targetUrl = url;
  }

  /** Sends one signed notification; throws WebhookDeliveryError when there is no target or it cannot be reached. */
  async sendWebhook(request: Request): Promise<WebhookDelivery<Notification>> {
    const now = this.sending.clock.now();
    const notification = this.sending.buildNotification(request, now);
    if (!this.targetUrl) throw new WebhookDeliveryError('no_target', 'no webhook target is set', notification);
    return deliverSignedWebhook({ notification, targetUrl: this.targetUrl, secret: this.sending.secret, now });
  }

  /** `sendWebhook`, with a failed delivery as `failure` instead of thrown. */
  async trySendWebhook(request: Request): Promise<{ delivery: WebhookDelivery<Notification> } | { delivery: null; failure: WebhookDeliveryError }> {
    try {
      return { delivery: await this.sendWebhook(request) };
    } catch (error) {
      if (!(error instanceof WebhookDeliveryError)) throw error;
      return { delivery: null, failure: error };
    }
  }
}

import type { Clock } from '../../../domain/shared/Clock.js';
import { type FaultRule, FaultInjector } from '../shared/faults.js';
import { type LoggedRequest, RequestLog } from '../shared/requestLog.js';
import type { BasicCredentials } from './basicAuth.js';
import { demoPetitionData, demoPetitionFormId } from './demoPetition.js';
import { type StoredSubmission, type SubmissionData, SubmissionStore } from './submissionStore.js';
import { type WebhookDelivery, type WebhookRequest, WebhookDeliveryError, buildNotification, deliverWebhook } from './webhookDelivery.js';

export interface SimulatorSettings {
  /** The Drupal API user the engine signs in as with HTTP Basic auth. */
  credentials: BasicCredentials;
  webhookSecret: string;
  clock: Clock;
}

export interface DemoSubmission {
  submission: StoredSubmission;
  /** Null when the notification could not be sent; `failure` says why. */
  delivery: WebhookDelivery | null;
  failure?: WebhookDeliveryError;
}

/** The simulated Drupal's state and everything a test or a developer can do to it. */
export class SimulatorControl {
  readonly store = new SubmissionStore();
  readonly faults = new FaultInjector();
  readonly log = new RequestLog();
  private targetUrl: string | undefined;

  constructor(
    readonly settings: SimulatorSettings,
    webhookTargetUrl?: string,
  ) {
    this.targetUrl = webhookTargetUrl;
  }

  get credentials(): BasicCredentials {
    return { ...this.settings.credentials };
  }

  /**
   * Stores a submission of `formId` as if someone submitted it (`createdAt`, an instant, defaults
   * to now), or replaces the data of one already there. Values are stored unchecked. Sends no
   * notification.
   */
  put(formId: string, submissionId: string, data: SubmissionData, createdAt?: string | Date): StoredSubmission {
    return this.upsert(formId, submissionId, data, createdAt).submission;
  }

  /** `put`, also saying whether the submission was created. */
  upsert(formId: string, submissionId: string, data: SubmissionData, createdAt?: string | Date): { submission: StoredSubmission; created: boolean } {
    const now = this.settings.clock.now().toISOString();
    const created = createdAt instanceof Date ? createdAt.toISOString() : createdAt;
    return this.store.put({ formId, submissionId, data, now, ...(created !== undefined && { createdAt: created }) });
  }

  get(formId: string, submissionId: string): StoredSubmission | undefined {
    return this.store.get(formId, submissionId);
  }

  delete(formId: string, submissionId: string): boolean {
    return this.store.delete(formId, submissionId);
  }

  submissions(): StoredSubmission[] {
    return this.store.all();
  }

  injectFault(rule: FaultRule): void {
    this.faults.add(rule);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** The webform_rest requests answered so far (not the /_sim/ ones), oldest first. */
  requests(): LoggedRequest[] {
    return this.log.all();
  }

  clearRequests(): void {
    this.log.clear();
  }

  get webhookTargetUrl(): string | undefined {
    return this.targetUrl;
  }

  setWebhookTarget(url: string | undefined): void {
    this.targetUrl = url;
  }

  /** Sends one signed notification; throws WebhookDeliveryError when there is no target or it cannot be reached. */
  async sendWebhook(request: WebhookRequest): Promise<WebhookDelivery> {
    const now = this.settings.clock.now();
    const notification = buildNotification(request, now);
    if (!this.targetUrl) throw new WebhookDeliveryError('no_target', 'no webhook target is set', notification);
    return deliverWebhook({ notification, targetUrl: this.targetUrl, secret: this.settings.webhookSecret, now });
  }

  /** Seeds a realistic signature of the climate petition with the next sid and sends its `created` notification. */
  async demoPetition(): Promise<DemoSubmission> {
    const submission = this.put(demoPetitionFormId, this.store.nextSubmissionId(), demoPetitionData());
    try {
      const delivery = await this.sendWebhook({ formId: submission.formId, submissionId: submission.submissionId, event: 'created' });
      return { submission, delivery };
    } catch (error) {
      if (!(error instanceof WebhookDeliveryError)) throw error;
      return { submission, delivery: null, failure: error };
    }
  }

  /** Forgets all submissions, faults and logged requests; keeps the credentials and the webhook target. */
  reset(): void {
    this.store.clear();
    this.faults.clear();
    this.log.clear();
  }
}

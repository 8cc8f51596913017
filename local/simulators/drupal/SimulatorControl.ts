import type { DrupalNotification } from '../../../domain/forms/DrupalNotification.js';
import type { Clock } from '../../../domain/shared/Clock.js';
import { WebhookSendingControl } from '../shared/WebhookSendingControl.js';
import type { BasicCredentials } from './basicAuth.js';
import { demoPetitionData, demoPetitionFormId } from './demoPetition.js';
import { type StoredSubmission, type SubmissionData, SubmissionStore } from './submissionStore.js';
import { type WebhookDelivery, type WebhookDeliveryError, type WebhookRequest, buildNotification } from './webhookDelivery.js';

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
export class SimulatorControl extends WebhookSendingControl<WebhookRequest, DrupalNotification> {
  readonly store = new SubmissionStore();

  constructor(
    readonly settings: SimulatorSettings,
    webhookTargetUrl?: string,
  ) {
    super({ secret: settings.webhookSecret, clock: settings.clock, buildNotification }, webhookTargetUrl);
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

  /** Seeds a realistic signature of the climate petition with the next sid and sends its `created` notification. */
  async demoPetition(): Promise<DemoSubmission> {
    const submission = this.put(demoPetitionFormId, this.store.nextSubmissionId(), demoPetitionData());
    return { submission, ...(await this.trySendWebhook({ formId: submission.formId, submissionId: submission.submissionId, event: 'created' })) };
  }

  /** Forgets all submissions, faults and logged requests; keeps the credentials and the webhook target. */
  override reset(): void {
    this.store.clear();
    this.faults.clear();
    this.log.clear();
  }
}

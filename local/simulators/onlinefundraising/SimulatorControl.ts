import { randomUUID } from 'node:crypto';
import type { OnlineFundraisingEntity, OnlineFundraisingNotification } from '../../../adapters/onlinefundraising/notification.js';
import type { Clock } from '../../../domain/shared/Clock.js';
import { copenhagenDateOf } from '../../../domain/shared/copenhagenDate.js';
import { type AgreementCancel, cancelAgreement } from './agreementCancel.js';
import { type ContactAnonymise, anonymiseContact } from './contactAnonymise.js';
import { type ChangedEntity, type ContactMerge, mergeContacts } from './contactMerge.js';
import { type ContactChangesInput, type ContactUpdate, updateContact } from './contactUpdate.js';
import { demoContactFields } from './demoContact.js';
import type { ContactRecord, EntityRecords } from './entities.js';
import { EntityStore } from './entityStore.js';
import { WebhookSendingControl } from '../shared/WebhookSendingControl.js';
import { type WebhookDelivery, type WebhookDeliveryError, type WebhookRequest, buildNotification } from './webhookDelivery.js';
import { type SmsMessageRecord, type SmsOutcomeRule, SmsOutbox, type SmsSendRequest } from './smsMessages.js';
import { ShortUrls } from './shortUrls.js';

export interface SimulatorSettings {
  apiKey: string;
  webhookSecret: string;
  clock: Clock;
}

export interface ContactMergeResult extends ContactMerge {
  /** One `updated` notification per changed entity, in that order; none without a webhook target. */
  deliveries: WebhookDelivery[];
  /** Notifications that could not be delivered; they do not undo the merge. */
  failures: WebhookDeliveryError[];
}

export interface ContactUpdateResult extends ContactUpdate {
  /** The contact's `updated` notification; none when nothing changed or without a webhook target. */
  deliveries: WebhookDelivery[];
  /** A notification that could not be delivered; it does not undo the update. */
  failures: WebhookDeliveryError[];
}

export interface AgreementCancelResult extends AgreementCancel {
  /** One `updated` notification per changed entity, in that order; none when nothing changed or without a webhook target. */
  deliveries: WebhookDelivery[];
  /** Notifications that could not be delivered; they do not undo the cancellation. */
  failures: WebhookDeliveryError[];
}

export interface DemoSignup {
  contact: ContactRecord;
  /** Null when the notification could not be sent; `failure` says why. */
  delivery: WebhookDelivery | null;
  failure?: WebhookDeliveryError;
}

/** The simulated OF's state and everything a test or a developer can do to it. */
export class SimulatorControl extends WebhookSendingControl<WebhookRequest, OnlineFundraisingNotification> {
  readonly store: EntityStore;
  /** Outbound SMS ([OnlineFundraising7]); see the README's "Sending SMS". */
  readonly smsOutbox: SmsOutbox;
  readonly shortUrls: ShortUrls;
  /** `auto`: an accepted SMS is delivered (or failed, by `smsOutbox.outcomes`) right after the answer, and notified; `manual`: only `settleSms` does it. */
  smsDelivery: 'auto' | 'manual' = 'auto';
  /** The simulator's own URL, for its short links; set when the server listens. */
  publicUrl = 'http://127.0.0.1';

  constructor(
    readonly settings: SimulatorSettings,
    webhookTargetUrl?: string,
  ) {
    super({ secret: settings.webhookSecret, clock: settings.clock, buildNotification }, webhookTargetUrl);
    this.store = new EntityStore(settings.clock);
    this.smsOutbox = new SmsOutbox(settings.clock);
    this.shortUrls = new ShortUrls(() => this.publicUrl);
  }

  /**
   * Takes an SMS to send as `POST /api/v1/sms-messages` does; a repeated `reference` answers the first
   * SMS and sends nothing. With `smsDelivery: 'auto'` the operator's answer follows a moment later.
   */
  sendSms(request: SmsSendRequest): { message: SmsMessageRecord; created: boolean } {
    const accepted = this.smsOutbox.accept(request);
    if (accepted.created && this.smsDelivery === 'auto') setImmediate(() => void this.settleSms(accepted.message.id).catch(() => undefined));
    return accepted;
  }

  /** The operator delivers or fails a queued SMS (by the recipient's rule unless one is given), and OF notifies it. */
  async settleSms(id: string, rule?: SmsOutcomeRule): Promise<SmsMessageRecord | undefined> {
    const settled = this.smsOutbox.settle(id, rule);
    if (settled && this.webhookTargetUrl) await this.trySendWebhook({ entity: 'sms_message', entityId: id, event: 'updated' });
    return settled;
  }

  /**
   * Creates or updates an entity (updates bump updated_at), as OF's staff would: a contact changed
   * this way reads `updated_by: "staff"` unless `fields` name another `updated_by`. Sends no notification.
   */
  put<E extends OnlineFundraisingEntity>(entity: E, id: string, fields: Partial<EntityRecords[E]> = {}): EntityRecords[E] {
    return this.upsert(entity, id, fields).record;
  }

  /** `put`, also saying whether the entity was created. */
  upsert<E extends OnlineFundraisingEntity>(
    entity: E,
    id: string,
    fields: Partial<EntityRecords[E]>,
  ): { record: EntityRecords[E]; created: boolean } {
    const byStaff = entity === 'contact' && !('updated_by' in fields) ? { updated_by: 'staff', ...fields } : fields;
    return this.store.put(entity, id, byStaff as Partial<EntityRecords[E]>);
  }

  get<E extends OnlineFundraisingEntity>(entity: E, id: string): EntityRecords[E] | undefined {
    return this.store.get(entity, id);
  }

  delete(entity: OnlineFundraisingEntity, id: string): boolean {
    return this.store.delete(entity, id);
  }

  /**
   * Merges one contact into another as OF's API does (see contactMerge.ts; throws ContactMergeError
   * when OF would refuse), then notifies the webhook target about every entity it changed.
   */
  async merge(survivorId: string, mergedId: string): Promise<ContactMergeResult> {
    const { survivor, changed } = mergeContacts(this.store, survivorId, mergedId);
    return { survivor, changed, ...(await this.notifyUpdated(changed)) };
  }

  /**
   * Changes a contact's master data as `PATCH /api/v1/contacts/<id>` does (see contactUpdate.ts;
   * throws ContactUpdateError when OF would refuse), marking it `updated_by: "api"`, then notifies
   * the webhook target when something changed. `ifMatch` is the `If-Match` header's value.
   */
  async updateContact(contactId: string, changes: ContactChangesInput, options: { ifMatch?: string } = {}): Promise<ContactUpdateResult> {
    const { contact, changed } = updateContact(this.store, contactId, changes, options);
    return { contact, changed, ...(await this.notifyUpdated(changed)) };
  }

  /**
   * Cancels an agreement and its subscriptions as the organisation, as
   * `POST /api/v1/agreements/<id>/cancel` does (see agreementCancel.ts; throws AgreementCancelError
   * when OF would refuse), ending it on today's business date by the simulator's clock, then
   * notifies the webhook target about every entity it changed.
   */
  /**
   * Anonymises a contact as `POST /api/v1/contacts/<id>/anonymize` does (see contactAnonymise.ts;
   * throws ContactAnonymiseError 404 for an unknown contact), then notifies `updated` for what changed.
   */
  async anonymiseContact(contactId: string): Promise<ContactAnonymise & { deliveries: WebhookDelivery[]; failures: WebhookDeliveryError[] }> {
    const { contact, changed } = anonymiseContact(this.store, contactId, this.settings.clock.now().toISOString());
    return { contact, changed, ...(await this.notifyUpdated(changed)) };
  }

  async cancelAgreement(agreementId: string, reason: string): Promise<AgreementCancelResult> {
    const today = copenhagenDateOf(this.settings.clock.now());
    const { agreement, changed } = cancelAgreement(this.store, agreementId, reason, today);
    return { agreement, changed, ...(await this.notifyUpdated(changed)) };
  }

  /** Sends one `updated` notification per changed entity, one after another so the target sees them in a predictable order. */
  private async notifyUpdated(changed: ChangedEntity[]): Promise<{ deliveries: WebhookDelivery[]; failures: WebhookDeliveryError[] }> {
    const outcome = { deliveries: [] as WebhookDelivery[], failures: [] as WebhookDeliveryError[] };
    if (!this.webhookTargetUrl) return outcome;
    for (const { entity, id } of changed) {
      const sent = await this.trySendWebhook({ entity, entityId: id, event: 'updated' });
      if (sent.delivery) outcome.deliveries.push(sent.delivery);
      else outcome.failures.push(sent.failure);
    }
    return outcome;
  }

  /** Seeds a realistic new contact, as if someone signed up on ms.dk, and sends its `created` notification. */
  async demoSignup(): Promise<DemoSignup> {
    const contact = this.put('contact', randomUUID(), demoContactFields(this.settings.clock.now()));
    return { contact, ...(await this.trySendWebhook({ entity: 'contact', entityId: contact.id, event: 'created' })) };
  }

  /** Forgets all entities, faults and logged requests; keeps the keys and the webhook target. */
  override reset(): void {
    this.store.clear();
    this.smsOutbox.clear();
    this.shortUrls.clear();
    this.faults.clear();
    this.log.clear();
  }
}

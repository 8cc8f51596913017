import type { Clock } from '../../../domain/shared/Clock.js';
import { WebhookSendingControl } from '../shared/WebhookSendingControl.js';
import { LeadBook } from './LeadBook.js';
import { RateLimit } from './RateLimit.js';
import type { CallOutcome, HeroBaseCampaign, HeroBaseLead, HeroBaseNotification, HeroBaseTask } from './wire.js';

export interface HeroBaseSettings {
  apiKey: string;
  webhookSecret: string;
  clock: Clock;
  requestsPerSecond: number;
}

/** What a notification is about. */
export type NotificationRequest = Pick<HeroBaseNotification, 'type' | 'leadId' | 'taskId' | 'campaignId'>;

/** The simulated HeroBase's state and what a test or a developer can do to it: what callers do in the dialer. */
export class SimulatorControl extends WebhookSendingControl<NotificationRequest, HeroBaseNotification> {
  readonly book = new LeadBook();
  readonly rateLimit: RateLimit;

  constructor(
    readonly settings: HeroBaseSettings,
    webhookTargetUrl?: string,
  ) {
    super({ secret: settings.webhookSecret, clock: settings.clock, buildNotification: (request, now) => ({ id: this.book.nextId('evt'), ...request, occurredAt: now.toISOString() }) }, webhookTargetUrl);
    this.rateLimit = new RateLimit(settings.requestsPerSecond, () => Date.now());
  }

  /** A campaign MS set up in HeroBase (its id is HeroBase's). */
  addCampaign(campaign: HeroBaseCampaign): HeroBaseCampaign {
    this.book.campaigns.set(campaign.id, campaign);
    return campaign;
  }

  closeCampaign(campaignId: string): void {
    const campaign = this.book.campaigns.get(campaignId);
    if (campaign) this.book.campaigns.set(campaignId, { ...campaign, status: 'closed' });
  }

  leads(campaignId?: string): HeroBaseLead[] {
    return [...this.book.leads.values()].filter((lead) => campaignId === undefined || lead.campaignId === campaignId);
  }

  leadOf(externalId: string): HeroBaseLead | undefined {
    return [...this.book.leads.values()].find((lead) => lead.externalId === externalId);
  }

  /** A caller finishes a lead (yes, no, or no answer after the last attempt) and HeroBase notifies the engine. */
  async completeCall(leadId: string, outcome: Omit<CallOutcome, 'completedAt'> & { completedAt?: string }) {
    const lead = this.book.complete(leadId, { ...outcome, completedAt: outcome.completedAt ?? this.settings.clock.now().toISOString() });
    return this.sendWebhook({ type: 'lead.closed', leadId: lead.id, campaignId: lead.campaignId });
  }

  /** Member service at the vendor makes a task for MS, and HeroBase notifies the engine. */
  async createTask(task: Omit<HeroBaseTask, 'id' | 'createdAt'>) {
    const created: HeroBaseTask = { ...task, id: this.book.nextId('task'), createdAt: this.settings.clock.now().toISOString() };
    this.book.tasks.set(created.id, created);
    return { task: created, ...(await this.sendWebhook({ type: 'task.created', taskId: created.id, ...(task.leadId && { leadId: task.leadId }) })) };
  }

  setRequestsPerSecond(requestsPerSecond: number): void {
    this.rateLimit.requestsPerSecond = requestsPerSecond;
  }

  /** Forgets campaigns, leads, tasks, faults and logged requests; keeps the key, the webhook target and the rate. */
  override reset(): void {
    this.book.clear();
    this.faults.clear();
    this.log.clear();
  }
}

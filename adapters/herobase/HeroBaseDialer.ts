import { z } from 'zod';
import type { Dialer, DialerCallOutcome, DialerLeadInput, DialerLeadState, DialerTask } from '../../domain/telemarketing/Dialer.js';
import { type FetchWithRetryOptions, fetchWithRetry } from '../http/fetchWithRetry.js';
import { HttpError } from '../http/HttpError.js';
import type { RetryPolicy, Sleep } from '../http/retryPolicy.js';

export interface HeroBaseOptions {
  /** The API root, e.g. "https://<tenant>.herobase.com/api/v1". */
  baseUrl: string;
  apiKey: string;
  retryPolicy?: RetryPolicy;
  sleep?: Sleep;
}

const service = 'HeroBase';

const outcomeWire = z.object({
  result: z.enum(['yes', 'no', 'max-attempts']),
  agentId: z.string(),
  completedAt: z.string(),
  newsletter: z.boolean().optional(),
  noMoreCalls: z.boolean().optional(),
  stopList: z.boolean().optional(),
  contactUpdates: z.object({ firstName: z.string().optional(), lastName: z.string().optional(), email: z.string().optional(), phone: z.string().optional() }).optional(),
  agreementId: z.string().optional(),
  note: z.string().optional(),
});
const leadWire = z.object({ id: z.string(), externalId: z.string(), campaignId: z.string(), status: z.enum(['open', 'closed']), closedAt: z.string().optional(), outcome: outcomeWire.optional() });
const campaignPageWire = z.object({ data: z.array(z.object({ id: z.string(), name: z.string(), status: z.enum(['active', 'closed']) })), next: z.string().nullable() });
const taskWire = z.object({ id: z.string(), subject: z.string(), description: z.string(), leadId: z.string().optional(), name: z.string().optional(), phone: z.string().optional(), email: z.string().optional(), createdBy: z.string(), createdAt: z.string() });

/**
 * [Dialer1][Dialer3][Dialer5] HeroBase's API as assumed (its API is not public; the simulator's README
 * writes the protocol down): an API key in `X-Api-Key`, leads created per campaign with the engine's
 * lead id as `externalId` (sent twice, the same lead), closed with POST …/close. Throttling (429 with
 * Retry-After), 5xx and timeouts are retried; every wire detail stays in this file.
 */
export class HeroBaseDialer implements Dialer {
  private readonly baseUrl: string;

  constructor(private readonly options: HeroBaseOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async campaigns(): Promise<{ id: string; name: string; status: 'active' | 'closed' }[]> {
    const campaigns: { id: string; name: string; status: 'active' | 'closed' }[] = [];
    let path: string | null = 'campaigns?page=1&pageSize=100';
    while (path) {
      const page = campaignPageWire.parse(await this.send('GET', path));
      campaigns.push(...page.data);
      // `next` is HeroBase's path of the next page from the host's root ("/api/v1/campaigns?page=2…").
      path = page.next ? page.next.replace(/^.*?\/campaigns/, 'campaigns') : null;
    }
    return campaigns;
  }

  async updateLead(dialerLeadId: string, changes: Partial<Omit<DialerLeadInput, 'externalId'>>): Promise<void> {
    const body = await this.send('PATCH', `leads/${encodeURIComponent(dialerLeadId)}`, changes);
    if (body === null) throw new HttpError(service, 404, `no lead ${dialerLeadId} in HeroBase`);
  }

  async createLead(dialerCampaignId: string, lead: DialerLeadInput): Promise<{ dialerLeadId: string }> {
    const body = await this.send('POST', `campaigns/${encodeURIComponent(dialerCampaignId)}/leads`, lead);
    if (body === null) throw new HttpError(service, 404, `no campaign ${dialerCampaignId} in HeroBase`);
    return { dialerLeadId: leadWire.parse(body).id };
  }

  async closeLead(dialerLeadId: string, note: string): Promise<void> {
    const body = await this.send('POST', `leads/${encodeURIComponent(dialerLeadId)}/close`, { note: note.slice(0, 200) });
    if (body === null) throw new HttpError(service, 404, `no lead ${dialerLeadId} in HeroBase`);
  }

  async lead(dialerLeadId: string): Promise<DialerLeadState | null> {
    const body = await this.send('GET', `leads/${encodeURIComponent(dialerLeadId)}`);
    if (body === null) return null;
    const lead = leadWire.parse(body);
    return {
      dialerLeadId: lead.id,
      externalId: lead.externalId,
      dialerCampaignId: lead.campaignId,
      status: lead.status,
      ...(lead.closedAt && { closedAt: lead.closedAt }),
      ...(lead.outcome && { outcome: outcomeOf(lead.outcome) }),
    };
  }

  async task(taskId: string): Promise<DialerTask | null> {
    const body = await this.send('GET', `tasks/${encodeURIComponent(taskId)}`);
    if (body === null) return null;
    const { leadId, ...task } = taskWire.parse(body);
    return { ...task, ...(leadId && { dialerLeadId: leadId }) };
  }

  private async send(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<unknown> {
    const response = await fetchWithRetry(
      `${this.baseUrl}/${path}`,
      { method, headers: { 'x-api-key': this.options.apiKey, accept: 'application/json', ...(body !== undefined && { 'content-type': 'application/json' }) }, ...(body !== undefined && { body: JSON.stringify(body) }) },
      this.retryOptions(),
    );
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) throw await HttpError.fromResponse(service, response);
    return response.json();
  }

  private retryOptions(): FetchWithRetryOptions {
    return { ...(this.options.retryPolicy && { policy: this.options.retryPolicy }), ...(this.options.sleep && { sleep: this.options.sleep }) };
  }
}

function outcomeOf(wire: z.infer<typeof outcomeWire>): DialerCallOutcome {
  return {
    result: wire.result,
    fundraiserId: wire.agentId,
    completedAt: wire.completedAt,
    newsletter: wire.newsletter ?? false,
    noMoreCalls: wire.noMoreCalls ?? false,
    stopList: wire.stopList ?? false,
    ...(wire.contactUpdates && { contactUpdates: wire.contactUpdates }),
    ...(wire.agreementId && { agreementId: wire.agreementId }),
    ...(wire.note && { note: wire.note }),
  };
}

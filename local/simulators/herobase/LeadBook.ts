import type { CallOutcome, HeroBaseCampaign, HeroBaseLead, HeroBaseTask } from './wire.js';

/** The simulated dialer's campaigns, leads and tasks, in memory. */
export class LeadBook {
  readonly campaigns = new Map<string, HeroBaseCampaign>();
  readonly leads = new Map<string, HeroBaseLead>();
  readonly tasks = new Map<string, HeroBaseTask>();
  private sequence = 0;

  nextId(prefix: string): string {
    this.sequence += 1;
    return `${prefix}-${String(this.sequence).padStart(6, '0')}`;
  }

  /** The lead with this externalId in the campaign, if the engine sent it before. */
  byExternalId(campaignId: string, externalId: string): HeroBaseLead | undefined {
    return [...this.leads.values()].find((lead) => lead.campaignId === campaignId && lead.externalId === externalId);
  }

  complete(leadId: string, outcome: CallOutcome): HeroBaseLead {
    const lead = this.leads.get(leadId);
    if (!lead) throw new Error(`no lead ${leadId}`);
    const completed: HeroBaseLead = { ...lead, status: 'closed', closedAt: outcome.completedAt, closeReason: 'completed', outcome };
    this.leads.set(leadId, completed);
    return completed;
  }

  clear(): void {
    this.campaigns.clear();
    this.leads.clear();
    this.tasks.clear();
    this.sequence = 0;
  }
}

import type { AgreementStates } from '../dunning/ports.js';
import type { Person } from '../person/Person.js';
import type { Clock } from '../shared/Clock.js';
import { agreementToCall } from './agreementToCall.js';
import type { CallCampaign } from './CallCampaign.js';
import { type ChooseLeadsPorts, type LeadCandidateInput, type LeadExclusionCounts, chooseLeads } from './chooseLeads.js';
import { type CloseLeadPorts, closeOpenLeadsOfPerson } from './closeLeads.js';
import { type PushLeadsPorts, pushLeadsToDialer } from './pushLeadsToDialer.js';
import type { TelemarketingLead } from './TelemarketingLead.js';

/** The vendor name leads through the dialer's API carry. */
export const dialerVendor = 'HeroBase';

export interface HandOverToDialerPorts extends ChooseLeadsPorts, CloseLeadPorts, PushLeadsPorts {
  agreementStates: Pick<AgreementStates, 'allOfPerson'>;
  clock: Clock;
}

export interface DialerHandOver {
  leads: TelemarketingLead[];
  excluded: LeadExclusionCounts;
  /** Open leads in campaigns of lower priority closed for these ([Dialer3]). */
  closedElsewhere: number;
  pushed: number;
}

/**
 * [Dialer1][Dialer2][Dialer3] Hands persons to a dialer campaign: the TM rules choose who may be called
 * (with the person's OF agreement when the campaign changes agreements), each chosen person's open
 * leads in campaigns of lower priority are closed (the priority campaign wins), and the new leads are
 * created in the dialer. `handOverId` makes it safe to repeat.
 */
export async function handOverToDialer(
  campaign: CallCampaign,
  persons: Person[],
  handOverId: string,
  ports: HandOverToDialerPorts,
  /** The persons are a segment page the one filter for calls kept already (not checked twice). */
  already?: 'through-the-filter',
): Promise<DialerHandOver> {
  const candidates: LeadCandidateInput[] = [];
  for (const person of persons) {
    const ofAgreementId = campaign.dialer?.changesAgreements ? agreementToCall((await ports.agreementStates.allOfPerson(person.id)).map((stored) => stored.value)) : undefined;
    candidates.push({ person, ...(ofAgreementId && { ofAgreementId }) });
  }
  const { leads, excluded } = await chooseLeads(campaign, candidates, { fileId: handOverId, vendor: dialerVendor, channel: 'dialer-api', at: ports.clock.now().toISOString() }, ports, already);
  const priorities = new Map((await ports.campaigns.list()).map((known) => [known.id, known.priority]));
  let closedElsewhere = 0;
  for (const lead of leads) {
    const keep = (other: TelemarketingLead) => other.id === lead.id || (priorities.get(other.campaignId) ?? 0) >= campaign.priority;
    closedElsewhere += (await closeOpenLeadsOfPerson(lead.personId, 'closed-for-higher-priority', ports, keep)).length;
  }
  const pushed = await pushLeadsToDialer(leads, campaign, ports);
  return { leads, excluded, closedElsewhere, pushed };
}

import { addMonths } from '../shared/businessDates.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import type { CallCampaign } from './CallCampaign.js';
import type { TelemarketingLead } from './TelemarketingLead.js';

export type LeadExclusion = 'no-phone-consent' | 'phone-not-ok' | 'stop-list' | 'called-within-window' | 'open-in-higher-priority';

/** What the rules look at for one person. */
export interface LeadCandidate {
  /** Phone consent in force now (the consent log decides). */
  phoneConsent: boolean;
  /** A washed, working number ([Leadflow] `phone_OK`): present, readable, not marked as not working. */
  phoneOk: boolean;
  /** The stop list forbids calls to the person's number or address. */
  stopListedForTelemarketing: boolean;
  /** Every lead the person has had, in any campaign. */
  leads: TelemarketingLead[];
}

/**
 * [Leadflow][StopList][Dialer3] Why a person may not go to TM for a campaign today (a business date,
 * Danish); none means they may: phone consent, a working number, not on the stop list for calls, not
 * handed to TM within the campaign's window (an open lead of a lower campaign does not count: it gives
 * way), and not an open lead in an active campaign of higher priority.
 */
export function leadExclusions(candidate: LeadCandidate, campaign: CallCampaign, campaigns: ReadonlyMap<string, CallCampaign>, today: string): LeadExclusion[] {
  const exclusions: LeadExclusion[] = [];
  if (!candidate.phoneConsent) exclusions.push('no-phone-consent');
  if (!candidate.phoneOk) exclusions.push('phone-not-ok');
  if (candidate.stopListedForTelemarketing) exclusions.push('stop-list');
  const windowStart = addMonths(today, -campaign.recontactAfterMonths);
  // An open lead of a lower campaign gives way to this one ([Dialer3]: it is closed when this lead is made).
  const givesWay = (lead: TelemarketingLead) => lead.status === 'open' && (campaigns.get(lead.campaignId)?.priority ?? -Infinity) < campaign.priority;
  if (candidate.leads.some((lead) => !givesWay(lead) && copenhagenDateOf(new Date(lead.handedOverAt)) > windowStart)) exclusions.push('called-within-window');
  // A campaign that has ended calls nobody, so its open leads no longer hold anyone back.
  const higher = (lead: TelemarketingLead) => {
    const other = campaigns.get(lead.campaignId);
    return other !== undefined && other.active && other.priority > campaign.priority;
  };
  if (candidate.leads.some((lead) => lead.status === 'open' && higher(lead))) exclusions.push('open-in-higher-priority');
  return exclusions;
}

import type { Person } from '../person/Person.js';
import type { CallCampaign } from './CallCampaign.js';
import type { DialerLeadInput } from './Dialer.js';
import { leadFieldValue } from './leadFields.js';
import type { TelemarketingLead } from './TelemarketingLead.js';

/** The labels the OF ids go under in the data the caller sees (OF's Onboarding App opens the agreement by them). */
export const ofAgreementLabel = 'OF aftale';
export const ofCampaignLabel = 'OF kampagne';

/**
 * [Dialer1][OnlineFundraising6] The lead as the dialer takes it: who to call, and beside the name the
 * campaign's chosen data; for a campaign that changes existing agreements also the person's OF
 * agreement and the Onboarding App campaign, so the fundraiser opens the right agreement in OF.
 */
export function dialerLeadInput(lead: TelemarketingLead, person: Person, campaign: CallCampaign): DialerLeadInput {
  const data: Record<string, string> = {};
  for (const column of campaign.dialer?.fields ?? []) data[column.header] = leadFieldValue(column.field, { lead, person, campaign });
  if (lead.dialer?.ofAgreementId) data[ofAgreementLabel] = lead.dialer.ofAgreementId;
  if (lead.dialer?.ofCampaignId) data[ofCampaignLabel] = lead.dialer.ofCampaignId;
  return {
    externalId: lead.id,
    firstName: person.firstName,
    lastName: person.lastName,
    phone: person.phones.primary ?? '',
    ...(person.emails[0] && { email: person.emails[0] }),
    data,
  };
}

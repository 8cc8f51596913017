import type { PersonRepository } from '../person/ports.js';
import type { CallCampaign } from './CallCampaign.js';
import type { Dialer } from './Dialer.js';
import { dialerLeadInput } from './dialerLeadInput.js';
import type { TelemarketingLeads } from './ports.js';
import type { TelemarketingLead } from './TelemarketingLead.js';

export interface PushLeadsPorts {
  leads: TelemarketingLeads;
  persons: Pick<PersonRepository, 'get'>;
  dialer: Dialer;
}

/**
 * [Dialer1] Creates in the dialer each open lead it does not have yet, one after the other (the
 * adapter waits out the dialer's 429s), and notes the dialer's lead id on the lead. Safe to repeat: the
 * dialer answers a lead sent again with the lead it has.
 */
export async function pushLeadsToDialer(leads: TelemarketingLead[], campaign: CallCampaign, ports: PushLeadsPorts): Promise<number> {
  if (!campaign.dialer) throw new Error(`call campaign ${campaign.id} has no dialer campaign`);
  let pushed = 0;
  for (const lead of leads) {
    if (lead.status !== 'open' || lead.dialer?.dialerLeadId) continue;
    const person = (await ports.persons.get(lead.personId))?.value;
    if (!person?.phones.primary) continue;
    const { dialerLeadId } = await ports.dialer.createLead(campaign.dialer.dialerCampaignId, dialerLeadInput(lead, person, campaign));
    await noteDialerLeadId(lead.id, dialerLeadId, ports);
    pushed++;
  }
  return pushed;
}

async function noteDialerLeadId(leadId: string, dialerLeadId: string, ports: Pick<PushLeadsPorts, 'leads'>): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await ports.leads.get(leadId);
    if (!stored || stored.value.dialer?.dialerLeadId === dialerLeadId) return;
    const updated = { ...stored.value, dialer: { ...stored.value.dialer, dialerLeadId } };
    if ((await ports.leads.replace(updated, stored.etag)) === 'replaced') return;
  }
  throw new Error(`lead ${leadId} kept changing while its dialer id was noted`);
}

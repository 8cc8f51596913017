import { type RecordConsentPorts, recordConsentChanges } from '../consent/recordConsentChanges.js';
import { wholeChannel } from '../consent/ConsentEntry.js';
import { addToStopList } from '../stoplist/addToStopList.js';
import type { StopList } from '../stoplist/ports.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import { NotFoundError } from '../shared/errors.js';
import type { Logger } from '../shared/Logger.js';
import { type CallerUpdatePorts, applyCallerUpdates } from './applyCallerUpdates.js';
import { type CloseLeadPorts, closeOpenLeadsOfPerson } from './closeLeads.js';
import type { DialerCallOutcome, DialerLeadState } from './Dialer.js';
import { UnknownLeadError } from './errors.js';
import type { CallCampaigns } from './ports.js';
import type { TelemarketingLead } from './TelemarketingLead.js';

export type CallOutcomePorts = CloseLeadPorts & CallerUpdatePorts & RecordConsentPorts & { campaigns: CallCampaigns; stopList: StopList; logger: Logger };

/**
 * [Dialer5] The dialer says a lead closed: read it there (the notification says nothing itself) and
 * record what became of it. A finished call is the campaign response on the person (outcome, campaign,
 * fundraiser, the OF agreement the Onboarding App changed); what the person asked for on the call goes
 * through the engine's own paths: a newsletter consent, "no more calls" (consent withdrawn, all their
 * open leads closed, the stop list if asked), corrected master data. Safe to repeat.
 */
export async function recordCallOutcome(dialerLeadId: string, ports: CallOutcomePorts): Promise<TelemarketingLead> {
  const state = await ports.dialer.lead(dialerLeadId);
  if (!state) throw new NotFoundError(`the dialer has no lead ${dialerLeadId}`);
  const stored = await ports.leads.get(state.externalId);
  if (!stored) throw new UnknownLeadError(`the dialer's lead ${dialerLeadId} names lead ${state.externalId}, which the engine never handed over`);
  if (state.status === 'open') return stored.value;
  const lead = await recordOnLead(stored.value, state, stored.etag, ports);
  if (state.outcome) await applyWishes(lead, state.outcome, ports);
  return lead;
}

async function recordOnLead(lead: TelemarketingLead, state: DialerLeadState, etag: string, ports: CallOutcomePorts): Promise<TelemarketingLead> {
  if (lead.response || (lead.status === 'closed' && !state.outcome)) return lead;
  const outcome = state.outcome;
  const recorded: TelemarketingLead = {
    ...lead,
    status: 'closed',
    closedAt: lead.closedAt ?? state.closedAt ?? ports.clock.now().toISOString(),
    ...(outcome && {
      outcome: outcome.result,
      response: {
        result: outcome.result,
        fundraiserId: outcome.fundraiserId,
        completedAt: outcome.completedAt,
        ...(outcome.agreementId && { ofAgreementId: outcome.agreementId }),
        ...(outcome.note && { note: outcome.note }),
      },
    }),
  };
  if ((await ports.leads.replace(recorded, etag)) === 'replaced') {
    ports.logger.info('call outcome recorded', { leadId: lead.id, campaignId: lead.campaignId, outcome: recorded.outcome, fundraiserId: outcome?.fundraiserId });
    return recorded;
  }
  const again = await ports.leads.get(lead.id);
  if (!again) throw new UnknownLeadError(`lead ${lead.id} disappeared while its outcome was recorded`);
  return recordOnLead(again.value, state, again.etag, ports);
}

async function applyWishes(lead: TelemarketingLead, outcome: DialerCallOutcome, ports: CallOutcomePorts): Promise<void> {
  const at = new Date(outcome.completedAt);
  const source = { kind: 'dialer-call' as const, id: lead.id, user: outcome.fundraiserId };
  if (outcome.newsletter) {
    const campaign = (await ports.campaigns.get(lead.campaignId))?.value;
    await recordConsentChanges({ personId: lead.personId, eventKey: `call:${lead.id}:newsletter`, at, source, changes: [{ channel: 'email', topic: campaign?.dialer?.newsletterTopic ?? wholeChannel, action: 'granted' }] }, ports);
  }
  if (outcome.contactUpdates) await applyCallerUpdates(lead.personId, outcome.contactUpdates, ports);
  if (outcome.noMoreCalls || outcome.stopList) await noMoreCalls(lead, outcome, at, source, ports);
}

async function noMoreCalls(lead: TelemarketingLead, outcome: DialerCallOutcome, at: Date, source: { kind: 'dialer-call'; id: string; user: string }, ports: CallOutcomePorts): Promise<void> {
  await recordConsentChanges({ personId: lead.personId, eventKey: `call:${lead.id}:no-more-calls`, at, source, changes: [{ channel: 'phone', topic: wholeChannel, action: 'withdrawn' }] }, ports);
  if (outcome.stopList) {
    const person = (await ports.persons.get(lead.personId))?.value;
    const phone = person?.phones.primary;
    if (phone) await addToStopList({ phone, requestedAt: copenhagenDateOf(at), sms: false, telemarketing: true, source: 'dialer', addedBy: `dialer call ${lead.id}` }, ports);
  }
  await closeOpenLeadsOfPerson(lead.personId, 'no-more-calls', ports);
}

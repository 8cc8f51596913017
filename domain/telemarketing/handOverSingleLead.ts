import { survivorOf } from '../identity/survivorOf.js';
import type { PersonRepository } from '../person/ports.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import { NotFoundError } from '../shared/errors.js';
import { InvalidTelemarketingInputError, NotCallableError } from './errors.js';
import { type HandOverToDialerPorts, handOverToDialer } from './handOverToDialer.js';
import type { TelemarketingLead } from './TelemarketingLead.js';

/**
 * [Dialer2] One person to a dialer campaign, from an automation flow (new acquisition, upgrade,
 * winback after dunning) or staff: the same TM rules and priority closing as a segment transfer. Asked
 * again the same day, it answers the same lead.
 */
export async function handOverSingleLead(request: { campaignId: string; personId: string }, ports: HandOverToDialerPorts & { persons: PersonRepository }): Promise<TelemarketingLead> {
  const campaign = (await ports.campaigns.get(request.campaignId))?.value;
  if (!campaign) throw new NotFoundError(`no call campaign ${request.campaignId}`);
  if (!campaign.dialer || !campaign.active) throw new InvalidTelemarketingInputError([{ field: 'campaignId', problem: 'the campaign is not an active campaign in the dialer' }]);
  const personId = await survivorOf(request.personId, ports);
  const person = personId ? (await ports.persons.get(personId))?.value : undefined;
  if (!person) throw new NotFoundError(`no person ${request.personId}`);
  const handOverId = ports.ids.fromKey(`single-lead:${campaign.id}:${person.id}:${copenhagenDateOf(ports.clock.now())}`);
  const { leads, excluded } = await handOverToDialer(campaign, [person], handOverId, ports);
  if (!leads[0]) throw new NotCallableError(excluded);
  return (await ports.leads.get(leads[0].id))?.value ?? leads[0];
}

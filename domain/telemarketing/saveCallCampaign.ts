import type { Clock } from '../shared/Clock.js';
import type { SegmentSources } from '../segments/ports.js';
import type { CallCampaign } from './CallCampaign.js';
import { InvalidTelemarketingInputError } from './errors.js';
import type { CallCampaigns } from './ports.js';
import type { Dialer } from './Dialer.js';

export interface SaveCallCampaignPorts {
  campaigns: CallCampaigns;
  dialer: Pick<Dialer, 'campaigns'>;
  segmentSources: Pick<SegmentSources, 'petitionExists'>;
  clock: Clock;
}

export type CallCampaignInput = Omit<CallCampaign, 'updatedAt' | 'updatedBy'>;

/**
 * [Leadflow][Dialer1] Staff set up or change a call campaign (its id is theirs, e.g. "skov-2026").
 * Refused, naming the field, when it names a petition nobody knows, a file with a heading twice, or
 * a dialer campaign HeroBase does not have.
 */
export async function saveCallCampaign(input: CallCampaignInput, by: string, ports: SaveCallCampaignPorts): Promise<CallCampaign> {
  const problems = [];
  for (const [index, petitionId] of input.petitionIds.entries()) {
    if (!(await ports.segmentSources.petitionExists(petitionId))) problems.push({ field: `petitionIds.${index}`, problem: `no petition ${petitionId}: no form names it and nobody signed it` });
  }
  const headers = input.nightlyFile?.columns.map((column) => column.header.toLowerCase()) ?? [];
  const repeated = headers.findIndex((header, index) => headers.indexOf(header) !== index);
  if (repeated >= 0) problems.push({ field: `nightlyFile.columns.${repeated}.header`, problem: 'the same heading twice' });
  if (input.dialer && !(await ports.dialer.campaigns()).some((known) => known.id === input.dialer!.dialerCampaignId)) {
    problems.push({ field: 'dialer.dialerCampaignId', problem: `HeroBase has no campaign ${input.dialer.dialerCampaignId}` });
  }
  if (problems.length > 0) throw new InvalidTelemarketingInputError(problems);
  const stored = await ports.campaigns.get(input.id);
  const campaign: CallCampaign = { ...input, updatedAt: ports.clock.now().toISOString(), updatedBy: by };
  if ((await ports.campaigns.save(campaign, stored?.etag)) !== 'saved') {
    throw new InvalidTelemarketingInputError([{ field: 'id', problem: 'the campaign changed meanwhile; read it again and repeat the change' }]);
  }
  return campaign;
}
